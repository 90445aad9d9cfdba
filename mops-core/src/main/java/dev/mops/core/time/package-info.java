/**
 * Business calendars: a time zone, working hours per weekday with breaks, public holidays by
 * country and subdivision, extra closed dates and extra working days, and the arithmetic of
 * business time over them (open at an instant, business duration between two instants, the due
 * time after an amount of business time, the next opening). Shared by SLAs, routing and planning.
 */
@NullMarked
package dev.mops.core.time;

import org.jspecify.annotations.NullMarked;
