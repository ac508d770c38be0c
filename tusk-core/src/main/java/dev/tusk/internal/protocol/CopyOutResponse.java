package dev.tusk.internal.protocol;

/**
 * Starts COPY TO STDOUT: the data follows from the server (CopyOutResponse, type 'H').
 *
 * @param format the overall format: 0 text, 1 binary
 * @param columnFormats the format of each column: 0 text, 1 binary
 */
public record CopyOutResponse(int format, int[] columnFormats) implements CopyResponse {}
