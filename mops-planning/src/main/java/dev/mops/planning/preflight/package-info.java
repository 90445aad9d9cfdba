/**
 * Pre-flight link QA: every link of an email or landing page, found with a real HTML parser
 * (jsoup) with its line and column ({@link dev.mops.planning.preflight.PageLinks}), checked offline
 * for {@code http:}, unfilled merge tags, empty and relative links and repeated parameters, and
 * through a pluggable URL lint for the taxonomy's UTM rules ({@link
 * dev.mops.planning.preflight.PreflightCheck}); a live HTTP check is opt-in ({@link
 * dev.mops.planning.preflight.LiveLinkCheck}).
 */
@NullMarked
package dev.mops.planning.preflight;

import org.jspecify.annotations.NullMarked;
