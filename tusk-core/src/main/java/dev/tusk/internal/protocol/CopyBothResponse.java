package dev.tusk.internal.protocol;

/**
 * Starts a copy in both directions, used by streaming replication (CopyBothResponse, type 'W').
 *
 * @param format the overall format: 0 text, 1 binary
 * @param columnFormats the format of each column: 0 text, 1 binary
 */
public record CopyBothResponse(int format, int[] columnFormats) implements CopyResponse {}
