package dev.mops.core.normalize;

import java.util.Locale;

/**
 * The function a job title belongs to.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum Department {
  /** Marketing, demand generation, brand, communications. */
  MARKETING,
  /** Sales, business development, account management, customer success, revenue. */
  SALES,
  /** Information technology: systems, networks, security, help desk. */
  IT,
  /** Engineering, software development, product, data science. */
  ENGINEERING,
  /** Finance and accounting. */
  FINANCE,
  /** Human resources, people, talent. */
  HR,
  /** Operations, supply chain, procurement, facilities, project management. */
  OPERATIONS,
  /** General management with no single function: CEO, founder, president, owner. */
  EXECUTIVE,
  /** Any other function, or none recognized. */
  OTHER;

  /** Returns the lower-case label used in files, such as {@code marketing}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
