/**
 * Budget tracking: budgets per program and period, spend entries, burn rate, forecasts at period
 * end (linear and run-rate), overrun alerts when a forecast exceeds the budget by a threshold, and
 * underspending lines whose money could be reallocated ({@link
 * dev.mops.planning.budget.BudgetTracker}).
 */
@NullMarked
package dev.mops.planning.budget;

import org.jspecify.annotations.NullMarked;
