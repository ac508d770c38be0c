/**
 * PostgreSQL's text formats of values, parsed and rendered without codecs: arrays, ranges,
 * composites, hstore, dates and times, intervals, floats, geometry, inet and JSON, over one shared
 * {@code TextCursor}; with the time arithmetic ({@code PgEpoch}) and the malformed-value errors
 * ({@code DecodeErrors}) that the binary codecs share.
 *
 * <p>May use: {@code types}, {@code errors}.
 */
package dev.tusk.internal.codec.text;
