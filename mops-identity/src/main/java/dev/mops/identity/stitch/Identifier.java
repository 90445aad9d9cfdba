package dev.mops.identity.stitch;

import java.util.Objects;

/**
 * One identifier: its type name ({@code email}) and its value ({@code ana@example.com}).
 *
 * <p>In what an {@link IdentityGraph} returns the value is normalized; in an {@link Observation}
 * it is as found.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param type the identifier type's name, as in the {@link StitchConfig}
 * @param value the value
 */
public record Identifier(String type, String value) {

  /** Validates the components. */
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  /** Returns {@code type:value}. */
  @Override
  public String toString() {
    return type + ":" + value;
  }
}
