/**
 * Configuration as versioned data: YAML/JSON documents loaded into a position-aware {@link
 * dev.mops.core.config.ConfigNode} tree, with a version, a content hash, enforced size limits, and
 * {@link dev.mops.core.config.ConfigException}s that name the file, line, column, path and what was
 * expected.
 */
@NullMarked
package dev.mops.core.config;

import org.jspecify.annotations.NullMarked;
