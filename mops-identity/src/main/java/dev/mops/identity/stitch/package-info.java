/**
 * Identity stitching with merge protection: joins the identifiers one person leaves across systems
 * (anonymous cookie ids, device ids, emails, phones, CRM ids, user ids) into profiles, guarded by
 * per-type priorities, limits, unique types and blocklists so that one shared or junk identifier
 * cannot merge thousands of people.
 *
 * <p>Entry points: {@link dev.mops.identity.stitch.StitchConfig} (versioned YAML or a builder) and
 * {@link dev.mops.identity.stitch.IdentityGraph} (add, retract, query, save and load).
 */
@NullMarked
package dev.mops.identity.stitch;

import org.jspecify.annotations.NullMarked;
