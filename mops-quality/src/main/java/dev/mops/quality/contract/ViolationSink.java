package dev.mops.quality.contract;

/**
 * A receiver of {@link ContractViolation}s, called synchronously as a record is validated.
 *
 * <p>Thread safety: implementations say; {@link #IGNORE} is stateless.
 */
@FunctionalInterface
public interface ViolationSink {

  /** A sink that drops every violation. */
  ViolationSink IGNORE = v -> {};

  /** Receives one violation. */
  void accept(ContractViolation violation);
}
