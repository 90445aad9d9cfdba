package dev.mops.cli;

import dev.mops.core.record.Values;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The shared {@code --as-of} option: the "now" of a run, an ISO-8601 instant
 * ({@code 2026-01-31T00:00:00Z}) or a date ({@code 2026-01-31}, its start in UTC); the current
 * time when absent. A bad value is a usage error naming the option and the expected form.
 *
 * <p>Thread safety: one instance per command run.
 */
public final class AsOfOption {

  /** What {@code --as-of} accepts, as error messages and help say it. */
  static final String EXPECTED =
      "an ISO-8601 instant such as 2026-01-31T00:00:00Z, or a date such as 2026-01-31 (its start in UTC)";

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "The 'now' of the run: an ISO-8601 instant (2026-01-31T00:00:00Z) or a date (2026-01-31, "
          + "its start in UTC). Default: the current time.")
  @Nullable Instant asOf;

  /** Returns {@code --as-of}, or the current time when it was not given. */
  public Instant instant() {
    Instant i = asOf;
    return i == null ? Instant.now() : i;
  }

  /** Returns {@code --as-of} as given, or null. */
  public @Nullable Instant given() {
    return asOf;
  }

  /**
   * The {@code --as-of} option of commands whose result must not depend on when they run (scores):
   * required, no default.
   *
   * <p>Thread safety: one instance per command run.
   */
  public static final class Required {
    @Option(
        names = "--as-of",
        required = true,
        paramLabel = "INSTANT",
        converter = InstantConverter.class,
        description = "The 'now' of the run: an ISO-8601 instant (2026-01-31T00:00:00Z) or a date (2026-01-31, "
            + "its start in UTC). Required, so that a rerun gives the same answer.")
    @Nullable Instant asOf;

    /** Returns {@code --as-of}. */
    public Instant instant() {
      Instant i = asOf;
      if (i == null) {
        throw new UsageException("--as-of is required");
      }
      return i;
    }
  }

  /** Converts the text of {@code --as-of} to an instant. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      Instant i = Values.asInstant(value);
      if (i == null) {
        throw new TypeConversionException("expected " + EXPECTED + ", got '" + value + "'");
      }
      return i;
    }
  }
}
