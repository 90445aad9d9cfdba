/**
 * Suppression and consent: who may be contacted at all, checked before a lead is routed.
 *
 * <p>A {@link dev.mops.routing.consent.SuppressionList} holds emails, domains, competitors, role
 * accounts and disposable domains, each with an optional reason and expiry; a {@link
 * dev.mops.routing.consent.ConsentLedger} holds consent statements per channel and purpose, the
 * newest winning; a {@link dev.mops.routing.consent.ContactPolicy} combines them into one check
 * that says allowed or blocked with every reason.
 */
@NullMarked
package dev.mops.routing.consent;

import org.jspecify.annotations.NullMarked;
