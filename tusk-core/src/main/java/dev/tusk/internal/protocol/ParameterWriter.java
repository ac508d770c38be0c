package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.WriteBuffer;

/** Writes the values of a Bind message, one parameter at a time, straight into the message. */
@FunctionalInterface
public interface ParameterWriter {

  /**
   * Writes parameter {@code index} (0-based): an int32 length, -1 for NULL, then that many bytes in
   * the format the Bind announces for it.
   */
  void write(int index, WriteBuffer out);
}
