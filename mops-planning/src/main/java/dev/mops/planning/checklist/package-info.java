/**
 * Checklists as gates: a versioned YAML list of named checks, each a mops condition over a
 * campaign record or the outcome of another planning check (the calendar, pre-flight), returning
 * pass, fail or waived with reasons ({@link dev.mops.planning.checklist.Checklist}).
 */
@NullMarked
package dev.mops.planning.checklist;

import org.jspecify.annotations.NullMarked;
