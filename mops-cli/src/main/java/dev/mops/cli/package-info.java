/**
 * The {@code mops} command-line tool: a thin shell over the SDK, with shared CSV/JSON Lines input
 * and output, exit codes (0 ok, 1 findings over {@code --fail-on}, 2 usage or config error) and
 * {@code mops demo}.
 */
@NullMarked
package dev.mops.cli;

import org.jspecify.annotations.NullMarked;
