/**
 * The {@code mops} command-line tool: a thin shell over the SDK. Its commands share one vocabulary
 * through picocli mixins ({@link dev.mops.cli.InputOptions}, {@link dev.mops.cli.OutputOptions},
 * {@link dev.mops.cli.AsOfOption}, {@link dev.mops.cli.IdOptions}, {@link dev.mops.cli.FailOnOption},
 * {@link dev.mops.cli.ProgressOptions}, {@link dev.mops.cli.RawValuesOption}), print findings one
 * way, and exit with 0 (ok), 1 (findings over {@code --fail-on}) or 2 (usage or config error);
 * {@code mops demo} runs on bundled data.
 */
@NullMarked
package dev.mops.cli;

import org.jspecify.annotations.NullMarked;
