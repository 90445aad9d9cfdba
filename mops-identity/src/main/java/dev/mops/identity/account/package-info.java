/**
 * Lead-to-account matching: an index of accounts built once ({@link
 * dev.mops.identity.account.AccountMatcher}) that finds the account a lead belongs to by email
 * domain and website (registrable domains; free-mail and ISP domains never match), normalized
 * company name (exact, then fuzzy with rarity weighting), country, city and phone, with a
 * confidence in [0, 1], the reasons, and tie-breaks (most contacts, most recent activity, a
 * configured field).
 */
@NullMarked
package dev.mops.identity.account;

import org.jspecify.annotations.NullMarked;
