/**
 * Capacity planning: people with hours per week, a working calendar and time off; work items with
 * estimates and dates; utilization per person and week, over-allocation, and who has room for a new
 * item of a given size and skill ({@link dev.mops.planning.capacity.CapacityPlan}).
 */
@NullMarked
package dev.mops.planning.capacity;

import org.jspecify.annotations.NullMarked;
