package dev.tusk.internal.protocol;

/**
 * Starts COPY FROM STDIN: the server is ready to receive data (CopyInResponse, type 'G').
 *
 * @param format the overall format: 0 text, 1 binary
 * @param columnFormats the format of each column: 0 text, 1 binary
 */
public record CopyInResponse(int format, int[] columnFormats) implements CopyResponse {}
