/**
 * The campaign calendar: campaigns with audience, channel, region, dates and owner, checked for
 * the conflicts a central calendar exists to prevent ({@link
 * dev.mops.planning.calendar.CampaignCalendar}): one audience hit by overlapping campaigns in a
 * channel, frequency caps per audience per week, launches on holidays, and quiet periods.
 */
@NullMarked
package dev.mops.planning.calendar;

import org.jspecify.annotations.NullMarked;
