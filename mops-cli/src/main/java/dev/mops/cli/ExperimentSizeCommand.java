package dev.mops.cli;

import dev.mops.metrics.experiment.TwoProportionTest;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops experiment-size}: the subjects each arm of an A/B test on a conversion rate needs
 * (two-proportion z-test, two-sided).
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "experiment-size",
    mixinStandardHelpOptions = true,
    description = {
      "Sample size per arm of an A/B test on a conversion rate (two-proportion z-test, two-sided).",
      "Example: mops experiment-size --baseline 0.04 --mde 0.005 --alpha 0.05 --power 0.8"
    })
public final class ExperimentSizeCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--baseline", required = true, paramLabel = "RATE", description = "The control's conversion rate (0.04 is 4%).")
  double baseline;

  @Option(names = "--mde", required = true, paramLabel = "EFFECT",
      description = "The minimum detectable effect: an absolute change of the rate (0.005 is half a point), or relative with --relative.")
  double mde;

  @Option(names = "--relative", description = "Read --mde as a share of the baseline (0.1 is a 10% lift).")
  boolean relative;

  @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "ALPHA", description = "Significance level (default 0.05).")
  double alpha = 0.05;

  @Option(names = "--power", defaultValue = "0.8", paramLabel = "POWER", description = "Power (default 0.8).")
  double power = 0.8;

  @Override
  public Integer call() {
    PrintWriter out = StandardStreams.of(spec).outText();
    double effect = relative ? baseline * mde : mde;
    long n;
    try {
      n = TwoProportionTest.sampleSizePerArm(baseline, effect, alpha, power);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    out.printf(Locale.ROOT, "baseline %.4f -> %.4f (effect %+.4f), alpha %.3f two-sided, power %.2f%n",
        baseline, baseline + effect, effect, alpha, power);
    out.printf(Locale.ROOT, "per arm: %d%n", n);
    out.printf(Locale.ROOT, "total (2 arms): %d%n", 2 * n);
    out.flush();
    return ExitCode.OK;
  }
}
