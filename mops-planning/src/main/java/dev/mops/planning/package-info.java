/**
 * Operational planning checks for a marketing-operations team: the campaign calendar ({@link
 * dev.mops.planning.calendar}), capacity ({@link dev.mops.planning.capacity}), budget burn and
 * forecast ({@link dev.mops.planning.budget}), intake prioritization with release trains ({@link
 * dev.mops.planning.intake}) and pre-flight link QA ({@link dev.mops.planning.preflight}).
 *
 * <p>Every check reads records (rows of a CSV export from a spreadsheet or a project tool) and
 * accounts for each of them in its result: a bad date or a missing estimate becomes a {@link
 * dev.mops.core.Finding} with a code from {@link dev.mops.planning.PlanningCodes}, never an
 * exception. Working days and holidays come from a {@link dev.mops.planning.WorkingCalendar}.
 */
@NullMarked
package dev.mops.planning;

import org.jspecify.annotations.NullMarked;
