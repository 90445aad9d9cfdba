/**
 * Data contracts: what a dataset promises about its fields (types, required, unique keys, allowed
 * values, patterns, bounds, formats, cross-field rules, freshness), read from a concise native YAML
 * or from the Open Data Contract Standard v3.1, and checked record by record.
 *
 * <p>Start with {@link dev.mops.quality.contract.DataContracts#load(java.nio.file.Path)}, then
 * {@link dev.mops.quality.contract.DataContract#validator()}.
 */
@NullMarked
package dev.mops.quality.contract;

import org.jspecify.annotations.NullMarked;
