/**
 * Streaming record I/O: CSV (RFC 4180) and JSON Lines readers and writers that account for every
 * input record, turning malformed lines into findings instead of failures.
 */
@NullMarked
package dev.mops.core.io;

import org.jspecify.annotations.NullMarked;
