package dev.tusk.internal.protocol;

/**
 * The start of a COPY sub-protocol; the three kinds share one layout: an int8 overall format, then
 * an int16 count of int16 per-column formats.
 */
public sealed interface CopyResponse extends BackendMessage
    permits CopyInResponse, CopyOutResponse, CopyBothResponse {

  /** The overall format: 0 text (rows separated by newlines), 1 binary. */
  int format();

  /** The format of each column: 0 text, 1 binary; all 0 when the overall format is text. */
  int[] columnFormats();
}
