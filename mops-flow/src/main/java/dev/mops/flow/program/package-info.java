/**
 * Automation programs: versioned YAML that says who enters (entry criteria on the lead and its
 * events), what happens (send a named template, wait, branch, update a field, notify the owner),
 * when a lead leaves (exit criteria and goals), whether it may come back (re-entry) and how often
 * it may be mailed (frequency caps); and a deterministic simulator that tells, for each lead at an
 * as-of instant, its state in the program, the next action, when it is due, and why.
 *
 * <p>Start at {@link dev.mops.flow.program.Program}; the guide is {@code docs/flow.md}.
 */
@NullMarked
package dev.mops.flow.program;

import org.jspecify.annotations.NullMarked;
