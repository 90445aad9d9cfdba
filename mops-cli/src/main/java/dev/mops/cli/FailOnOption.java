package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The shared {@code --fail-on} option and the tally of findings it judges: the command exits with
 * 1 when any finding is at or over the threshold.
 *
 * <p>Thread safety: not thread-safe; one instance per command run.
 */
public final class FailOnOption {

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      description = "Exit with 1 when a finding is at or over this severity: info, warning, error or never. "
          + "Default: ${DEFAULT-VALUE}.")
  String failOn;

  /** Creates the option with the default {@code never}: findings are reported, the exit code stays 0. */
  public FailOnOption() {
    this("never");
  }

  /** Creates the option with {@code defaultLevel} as its default ({@code error} for {@code mops quality}). */
  public FailOnOption(String defaultLevel) {
    this.failOn = defaultLevel;
  }

  private final Map<Severity, Long> counts = new EnumMap<>(Severity.class);

  /** Counts one finding. */
  public void count(Finding finding) {
    counts.merge(finding.severity(), 1L, Long::sum);
  }

  /** Counts findings. */
  public void countAll(Iterable<Finding> findings) {
    for (Finding f : findings) {
      count(f);
    }
  }

  /** Returns how many findings of {@code severity} were counted. */
  public long count(Severity severity) {
    return counts.getOrDefault(severity, 0L);
  }

  /** Returns the total of findings counted. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Returns {@code N errors, N warnings, N infos}. */
  public String summary() {
    return count(Severity.ERROR) + " errors, " + count(Severity.WARNING) + " warnings, " + count(Severity.INFO) + " infos";
  }

  /**
   * Returns {@link ExitCode#FINDINGS} when a counted finding is at or over the threshold, else
   * {@link ExitCode#OK}.
   *
   * @throws UsageException when the threshold is not a severity or {@code never}
   */
  public int exitCode() {
    if (failOn.equalsIgnoreCase("never")) {
      return ExitCode.OK;
    }
    Severity threshold;
    try {
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fail-on: unknown level '" + failOn + "', expected info, warning, error or never", e);
    }
    for (Severity s : Severity.values()) {
      if (s.compareTo(threshold) >= 0 && count(s) > 0) {
        return ExitCode.FINDINGS;
      }
    }
    return ExitCode.OK;
  }

  /** Checks the threshold early, before any work, so a typo fails fast. */
  public void validate() {
    if (!failOn.equalsIgnoreCase("never")) {
      try {
        Severity.parse(failOn);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--fail-on: unknown level '" + failOn + "', expected info, warning, error or never", e);
      }
    }
  }
}
