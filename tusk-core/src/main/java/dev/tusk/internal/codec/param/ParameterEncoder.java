package dev.tusk.internal.codec.param;

import dev.tusk.types.BinaryOutput;

/**
 * How one parameter value goes into a Bind message: its type OID for Parse, its format code, and
 * its bytes. An encoder found for one value also suits other values of the same Java class, except
 * for Lists and {@code Object[]}, whose element type comes from their first non-NULL element.
 */
public interface ParameterEncoder {

  /** The parameter's type OID; 0 leaves it unspecified so that the server infers it. */
  int oid();

  /** The format code: 0 for text, 1 for binary. */
  int format();

  /** Writes the value's length as an int32, then the value's bytes. */
  void write(Object value, BinaryOutput out);
}
