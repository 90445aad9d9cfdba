/**
 * Lifecycle stages: an ordered set of stages with entry criteria, allowed transitions, recycling
 * and disqualification with reason codes, and stage metrics computed from a history the caller
 * keeps.
 */
@NullMarked
package dev.mops.scoring.lifecycle;

import org.jspecify.annotations.NullMarked;
