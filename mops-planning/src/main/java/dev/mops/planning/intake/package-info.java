/**
 * Intake: requests scored by business impact x effort x risk with configurable weights, levels,
 * adjustments and bands, ordered into a backlog, given an SLA class by rules, and placed on the
 * next release-train window they can ship in ({@link dev.mops.planning.intake.IntakeModel}, {@link
 * dev.mops.planning.intake.ReleaseTrain}).
 */
@NullMarked
package dev.mops.planning.intake;

import org.jspecify.annotations.NullMarked;
