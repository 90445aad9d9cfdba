/**
 * Normalizers for contact and company data: email, phone, domain and URL, person names, company
 * names, country and region, and job titles.
 *
 * <p>Each normalizer is an immutable, thread-safe object built once (from a builder where it has
 * options) and called on every record. It never throws on bad data: it returns an immutable result
 * holding the normalized value (or {@code null} when there is none) together with the
 * {@link dev.mops.core.Finding findings} that explain what was wrong or notable. Reference lists
 * (free-mail providers, nicknames, legal forms, country aliases, title rules ...) are data files in
 * this package's resources, each with its origin written in its header, and every builder can
 * replace or extend them from a {@link java.nio.file.Path} or a collection.
 *
 * <p>All case mapping uses {@link java.util.Locale#ROOT}; results never depend on the default
 * locale or time zone.
 */
@NullMarked
package dev.mops.core.normalize;

import org.jspecify.annotations.NullMarked;
