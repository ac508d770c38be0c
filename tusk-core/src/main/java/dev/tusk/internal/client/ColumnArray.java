package dev.tusk.internal.client;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.param.ParameterEncoder;

/**
 * One VALUES position of many parameter sets, written as one array parameter: element by element,
 * straight into a buffer that ends as the parameter's value (its length first), so that no list of
 * values is built. An element's bytes are the parameter's own encoding, so each row reaches the
 * server as it would in a Bind of its own, and an error names the parameter and the set.
 */
abstract sealed class ColumnArray {

  /** The encoders of a set's parameters, as chosen for every set. */
  final ParameterEncoder[] encoders;

  /** The parameter this column holds (0-based). */
  final int parameter;

  final WriteBuffer out;
  private final int lengthAt;
  int count;

  private ColumnArray(ParameterEncoder[] encoders, int parameter, int capacity) {
    this.encoders = encoders;
    this.parameter = parameter;
    this.out = new WriteBuffer(capacity);
    this.lengthAt = out.reserveInt32();
  }

  /**
   * An array sent in binary, of elements the parameter's encoder writes in binary as {@code
   * elementType}.
   */
  static ColumnArray binary(
      ParameterEncoder[] encoders, int parameter, int elementType, int capacity) {
    return new Binary(encoders, parameter, elementType, capacity);
  }

  /**
   * An array sent as text, {@code {"a","b",NULL}}: for a parameter the server infers from its text
   * (a String sent as the column's type) or that is always NULL. {@code delimiter} is the element
   * type's (pg_type.typdelim: a comma for all but a few geometric types).
   */
  static ColumnArray text(
      ParameterEncoder[] encoders, int parameter, char delimiter, int capacity) {
    return new Text(encoders, parameter, delimiter, capacity);
  }

  /** Bind's format code for the array. */
  abstract short format();

  /** Adds the value of set number {@code set} (0-based, for errors) as the next element. */
  abstract void add(Object[] values, int set);

  /** Ends the array; {@link #out} then holds its length and bytes. */
  void finish() {
    out.setInt32(lengthAt, out.size() - lengthAt - 4);
  }

  /** The bytes written so far, for sizing a request. */
  int size() {
    return out.size();
  }

  /** A one-dimensional array in the binary format (array_recv). */
  private static final class Binary extends ColumnArray {
    private final int hasNullAt;
    private final int countAt;
    private boolean hasNull;

    Binary(ParameterEncoder[] encoders, int parameter, int elementType, int capacity) {
      super(encoders, parameter, capacity);
      out.writeInt32(1); // dimensions
      hasNullAt = out.reserveInt32();
      out.writeInt32(elementType);
      countAt = out.reserveInt32();
      out.writeInt32(1); // lower bound
    }

    @Override
    short format() {
      return 1;
    }

    @Override
    void add(Object[] values, int set) {
      // An element is a length and bytes, as a Bind value is: the encoder writes both.
      hasNull |= values[parameter] == null;
      ParameterBinder.write(encoders, values, parameter, out, set);
      count++;
    }

    @Override
    void finish() {
      out.setInt32(hasNullAt, hasNull ? 1 : 0);
      out.setInt32(countAt, count);
      super.finish();
    }
  }

  /** A one-dimensional array literal in the text format (array_in), every element quoted. */
  private static final class Text extends ColumnArray {
    private final char delimiter;
    private final WriteBuffer element = new WriteBuffer(64);

    Text(ParameterEncoder[] encoders, int parameter, char delimiter, int capacity) {
      super(encoders, parameter, capacity);
      this.delimiter = delimiter;
      out.writeByte('{');
    }

    @Override
    short format() {
      return 0;
    }

    @Override
    void add(Object[] values, int set) {
      if (count > 0) {
        out.writeByte(delimiter);
      }
      count++;
      if (values[parameter] == null) {
        out.writeByte('N').writeByte('U').writeByte('L').writeByte('L');
        return;
      }
      element.clear();
      ParameterBinder.write(encoders, values, parameter, element, set);
      // Quoted, so that whitespace, delimiters, braces and the word NULL stay the value's own;
      // inside quotes only a quote and a backslash need a backslash. Both are ASCII, never part
      // of a multi-byte UTF-8 character.
      out.writeByte('"');
      byte[] text = element.array();
      for (int i = 4; i < element.size(); i++) {
        byte b = text[i];
        if (b == '"' || b == '\\') {
          out.writeByte('\\');
        }
        out.writeByte(b);
      }
      out.writeByte('"');
    }

    @Override
    void finish() {
      out.writeByte('}');
      super.finish();
    }
  }
}
