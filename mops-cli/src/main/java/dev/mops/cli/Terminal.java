package dev.mops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Tells whether the process's standard error is a terminal, which Java 17 does not say:
 * {@code System.console()} is non-null only when standard input <em>and</em> output are terminals,
 * so {@code mops ... > out.csv} would show no progress.
 *
 * <p>On Linux the answer is where {@code /proc/self/fd/2} points; on other Unix systems, the exit
 * status of {@code sh -c '[ -t 2 ]'} run with this process's standard error; on Windows, whether
 * there is a console.
 *
 * <p>Thread safety: stateless.
 */
final class Terminal {

  private Terminal() {}

  /** Returns whether standard error is a terminal, false when it cannot tell. */
  static boolean stderrIsTerminal() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      return System.console() != null;
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return false;
      }
    }
    try {
      Process p = new ProcessBuilder("sh", "-c", "[ -t 2 ]")
          .redirectInput(ProcessBuilder.Redirect.PIPE)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Returns whether {@code device} (the target of a file descriptor) names a terminal. */
  static boolean isTerminalDevice(String device) {
    return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
  }
}
