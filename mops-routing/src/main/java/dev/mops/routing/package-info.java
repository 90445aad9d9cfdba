/**
 * Lead routing: versioned routing tables of ordered rules (a condition to a destination: a named
 * owner, a queue or a pool of reps), pools with round-robin, weighted, least-loaded and
 * account-owner-first strategies, per-rep caps per day and week in the rep's own time zone,
 * out-of-office dates, fallbacks that never throw, assignment state behind a small interface, and
 * decisions that explain themselves.
 *
 * <p>Start with {@link dev.mops.routing.RoutingTable#load(java.nio.file.Path)} and {@link
 * dev.mops.routing.Router#create(RoutingTable, AssignmentState)}. Suppression lists and consent
 * live in {@code dev.mops.routing.consent}.
 */
@NullMarked
package dev.mops.routing;

import org.jspecify.annotations.NullMarked;
