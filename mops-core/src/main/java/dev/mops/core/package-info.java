/**
 * The foundation of mops: findings reported on bad data, shared by every module.
 *
 * <p>Sub-packages hold the record model ({@code record}), configuration loading ({@code config}),
 * the condition language ({@code condition}) and streaming record I/O ({@code io}).
 */
@NullMarked
package dev.mops.core;

import org.jspecify.annotations.NullMarked;
