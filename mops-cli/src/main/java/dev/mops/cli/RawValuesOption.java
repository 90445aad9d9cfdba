package dev.mops.cli;

import picocli.CommandLine.Option;

/**
 * The shared {@code --raw-values} option of every command that writes CSV: without it, text values
 * a spreadsheet would run as formulas are neutralised (see {@link CsvInjectionGuard}).
 *
 * <p>Thread safety: one instance per command run.
 */
public final class RawValuesOption {

  @Option(
      names = "--raw-values",
      description = "Write CSV values as they are. By default a text value that starts with =, +, -, @, tab or "
          + "carriage return, and is not a plain number, is prefixed with a single quote so that a spreadsheet "
          + "shows it as text instead of running it as a formula.")
  boolean raw;

  /** Returns whether CSV values are written as they are. */
  public boolean raw() {
    return raw;
  }
}
