/**
 * Campaign tracking hygiene: UTM and click-id parsing of landing-page URLs ({@link
 * dev.mops.taxonomy.UtmParser}), linting and fixing URLs against a team's taxonomy ({@link
 * dev.mops.taxonomy.TaxonomyLinter}), campaign naming conventions ({@link
 * dev.mops.taxonomy.NamingConvention}) and channel classification ({@link
 * dev.mops.taxonomy.ChannelGroup}, with Google Analytics 4's default channel group as versioned
 * data).
 *
 * <p>Bad data (a malformed URL, a misspelt medium) is reported as {@link dev.mops.core.Finding}s
 * in the results; bad configuration fails at load with a {@link
 * dev.mops.core.config.ConfigException} naming the file, line, column and path.
 */
@NullMarked
package dev.mops.taxonomy;

import org.jspecify.annotations.NullMarked;
