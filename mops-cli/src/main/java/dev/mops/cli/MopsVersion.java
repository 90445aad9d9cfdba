package dev.mops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version of mops as {@code mops --version} prints it, read from the build's properties.
 *
 * <p>Thread safety: stateless.
 */
public final class MopsVersion implements IVersionProvider {

  /** Returns the version of this build, such as {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    try (InputStream in = MopsVersion.class.getResourceAsStream("/dev/mops/cli/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "mops " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
