package dev.tusk.internal.protocol;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.buffer.WriteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * Writers of protocol 3.0 frontend messages. Each method appends one complete message (type byte,
 * int32 length, body) to a {@link WriteBuffer}; if writing fails midway, the buffer is truncated
 * back to where the message began, so a pipeline never holds half a message.
 *
 * <p>A String containing NUL is rejected with IllegalArgumentException, since the server would cut
 * it short. A body whose size is known up front and would not fit the int32 length is rejected the
 * same way; text too large for the buffer fails with the buffer's own error.
 */
public final class FrontendMessages {

  /** The protocol version a StartupMessage asks for: 3.0. */
  public static final int PROTOCOL_3_0 = 3 << 16;

  /** The code a SSLRequest sends in place of a protocol version. */
  public static final int SSL_REQUEST_CODE = 1234 << 16 | 5679;

  /** The code a GSSENCRequest sends in place of a protocol version. */
  public static final int GSSENC_REQUEST_CODE = 1234 << 16 | 5680;

  /** The code a CancelRequest sends in place of a protocol version. */
  public static final int CANCEL_REQUEST_CODE = 1234 << 16 | 5678;

  private static final int MAX_COUNT = 0xFFFF; // counts are Int16 the server reads as unsigned
  private static final byte[] SSL_REQUEST = untyped(SSL_REQUEST_CODE);
  private static final byte[] GSSENC_REQUEST = untyped(GSSENC_REQUEST_CODE);
  private static final byte[] SYNC = empty('S');
  private static final byte[] FLUSH = empty('H');
  private static final byte[] TERMINATE = empty('X');
  private static final byte[] COPY_DONE = empty('c');

  private FrontendMessages() {}

  /**
   * Appends a StartupMessage asking for protocol 3.0 with the given parameters ({@code user},
   * {@code database}, {@code client_encoding}...), in the map's iteration order.
   */
  public static void startupMessage(WriteBuffer out, Map<String, String> parameters) {
    startupMessage(out, 0, parameters);
  }

  /**
   * Appends a StartupMessage asking for protocol 3.{@code minorVersion} (0, or 2 for PostgreSQL
   * 18's longer cancel keys) with the given parameters, in the map's iteration order.
   */
  public static void startupMessage(
      WriteBuffer out, int minorVersion, Map<String, String> parameters) {
    int start = out.size();
    try {
      out.reserveInt32();
      out.writeInt32(PROTOCOL_3_0 | minorVersion);
      for (Map.Entry<String, String> parameter : parameters.entrySet()) {
        out.writeCString(parameter.getKey());
        out.writeCString(parameter.getValue());
      }
      out.writeByte(0);
      out.setInt32(start, out.size() - start);
      WireTrace.untyped("StartupMessage", out.size() - start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /** Appends an SSLRequest, sent before the StartupMessage to ask for TLS. */
  public static void sslRequest(WriteBuffer out) {
    out.writeBytes(SSL_REQUEST);
    WireTrace.untyped("SSLRequest", SSL_REQUEST.length);
  }

  /** Appends a GSSENCRequest, sent before SSLRequest to ask for GSSAPI session encryption. */
  public static void gssEncRequest(WriteBuffer out) {
    out.writeBytes(GSSENC_REQUEST);
    WireTrace.untyped("GSSENCRequest", GSSENC_REQUEST.length);
  }

  /**
   * Appends a CancelRequest, sent alone on a new connection, for the session that sent this key.
   */
  public static void cancelRequest(WriteBuffer out, int processId, byte[] secretKey) {
    int start = out.size();
    try {
      out.writeInt32(12 + secretKey.length);
      out.writeInt32(CANCEL_REQUEST_CODE);
      out.writeInt32(processId);
      out.writeBytes(secretKey);
      WireTrace.untyped("CancelRequest", out.size() - start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /**
   * Appends a PasswordMessage: the password (clear text or MD5 hash) and a NUL terminator.
   *
   * @throws IllegalArgumentException if the password contains a NUL byte
   */
  public static void passwordMessage(WriteBuffer out, byte[] password) {
    for (byte b : password) {
      if (b == 0) {
        throw new IllegalArgumentException("a password cannot contain a NUL byte");
      }
    }
    requireFits("PasswordMessage", password.length + 1L);
    int start = begin(out, 'p');
    try {
      out.writeBytes(password);
      out.writeByte(0);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /**
   * Appends a SASLInitialResponse choosing {@code mechanism}, with the client's first message, or
   * null for none (written as length -1).
   */
  public static void saslInitialResponse(WriteBuffer out, String mechanism, byte[] data) {
    requireFits("SASLInitialResponse", 4L + lengthOf(data));
    int start = begin(out, 'p');
    try {
      out.writeCString(mechanism);
      if (data == null) {
        out.writeInt32(-1);
      } else {
        out.writeInt32(data.length);
        out.writeBytes(data);
      }
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /** Appends a SASLResponse carrying the client's next SASL message. */
  public static void saslResponse(WriteBuffer out, byte[] data) {
    requireFits("SASLResponse", data.length);
    int start = begin(out, 'p');
    try {
      out.writeBytes(data);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /** Appends a Query: the simple query protocol, one or more statements separated by ';'. */
  public static void query(WriteBuffer out, String sql) {
    int start = begin(out, 'Q');
    try {
      out.writeCString(sql);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /**
   * Appends a Parse of {@code sql} into the prepared statement {@code statementName} ("" for the
   * unnamed one), with a type oid for each of the first parameters (0 lets the server infer it).
   */
  public static void parse(
      WriteBuffer out, String statementName, String sql, int[] parameterTypeOids) {
    requireCount("parameter types", parameterTypeOids.length);
    int start = begin(out, 'P');
    try {
      out.writeCString(statementName);
      out.writeCString(sql);
      out.writeInt16(parameterTypeOids.length);
      for (int oid : parameterTypeOids) {
        out.writeInt32(oid);
      }
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /**
   * Appends a Bind of {@code statementName} to {@code portal}. The format arrays are sent as given:
   * none means all text, one applies to all, otherwise one per parameter or result column.
   *
   * @param values writes each of the {@code parameterCount} values (may be null when it is 0)
   * @throws IllegalArgumentException if a count exceeds 65535 or a value's bytes disagree with the
   *     length it wrote
   */
  public static void bind(
      WriteBuffer out,
      String portal,
      String statementName,
      short[] parameterFormats,
      int parameterCount,
      ParameterWriter values,
      short[] resultFormats) {
    requireCount("parameter formats", parameterFormats.length);
    requireCount("parameters", parameterCount);
    requireCount("result formats", resultFormats.length);
    int start = begin(out, 'B');
    try {
      out.writeCString(portal);
      out.writeCString(statementName);
      writeFormats(out, parameterFormats);
      out.writeInt16(parameterCount);
      for (int index = 0; index < parameterCount; index++) {
        writeValue(out, index, values);
      }
      writeFormats(out, resultFormats);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /**
   * Appends a Describe of a prepared statement: ParameterDescription then RowDescription/NoData.
   */
  public static void describeStatement(WriteBuffer out, String name) {
    targeted(out, 'D', 'S', name);
  }

  /** Appends a Describe of a portal: its RowDescription or NoData. */
  public static void describePortal(WriteBuffer out, String name) {
    targeted(out, 'D', 'P', name);
  }

  /** Appends an Execute of {@code portal}, returning at most {@code maxRows} rows (0: all). */
  public static void execute(WriteBuffer out, String portal, int maxRows) {
    int start = begin(out, 'E');
    try {
      out.writeCString(portal);
      out.writeInt32(maxRows);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /** Appends a Sync: ends the extended-query cycle, commits an implicit transaction. */
  public static void sync(WriteBuffer out) {
    out.writeBytes(SYNC);
    WireTrace.frontend(SYNC, 0);
  }

  /** Appends a Flush: asks the server to send what it has buffered. */
  public static void flush(WriteBuffer out) {
    out.writeBytes(FLUSH);
    WireTrace.frontend(FLUSH, 0);
  }

  /** Appends a Close of a prepared statement. */
  public static void closeStatement(WriteBuffer out, String name) {
    targeted(out, 'C', 'S', name);
  }

  /** Appends a Close of a portal. */
  public static void closePortal(WriteBuffer out, String name) {
    targeted(out, 'C', 'P', name);
  }

  /** Appends a Terminate, sent before closing the connection. */
  public static void terminate(WriteBuffer out) {
    out.writeBytes(TERMINATE);
    WireTrace.frontend(TERMINATE, 0);
  }

  /** Appends a CopyData carrying {@code length} bytes of {@code data} from {@code offset}. */
  public static void copyData(WriteBuffer out, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    requireFits("CopyData", length);
    int start = begin(out, 'd');
    try {
      out.writeBytes(data, offset, length);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /** Appends a CopyDone: the end of the data sent for COPY FROM STDIN. */
  public static void copyDone(WriteBuffer out) {
    out.writeBytes(COPY_DONE);
    WireTrace.frontend(COPY_DONE, 0);
  }

  /** Appends a CopyFail: aborts COPY FROM STDIN with {@code message} as the error text. */
  public static void copyFail(WriteBuffer out, String message) {
    int start = begin(out, 'f');
    try {
      out.writeCString(message);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  /** Describe and Close: a type, 'S' (statement) or 'P' (portal), and the name. */
  private static void targeted(WriteBuffer out, char type, char kind, String name) {
    int start = begin(out, type);
    try {
      out.writeByte(kind);
      out.writeCString(name);
      end(out, start);
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
  }

  private static void writeFormats(WriteBuffer out, short[] formats) {
    out.writeInt16(formats.length);
    for (short format : formats) {
      out.writeInt16(format);
    }
  }

  /** Writes one value and checks that its bytes match its length, so the stream stays framed. */
  private static void writeValue(WriteBuffer out, int index, ParameterWriter values) {
    int lengthPosition = out.size();
    values.write(index, out);
    int written = out.size() - lengthPosition;
    if (written < 4) {
      throw new IllegalArgumentException(
          "parameter " + index + " wrote " + written + " bytes, too few for its int32 length");
    }
    int length = BigEndian.int32(out.array(), lengthPosition);
    if (length < -1 || Math.max(length, 0) != written - 4) {
      throw new IllegalArgumentException(
          "parameter " + index + " announced length " + length + " but wrote " + (written - 4));
    }
  }

  /** Starts a typed message: the type byte and a reserved length; returns where it began. */
  private static int begin(WriteBuffer out, char type) {
    int start = out.size();
    try {
      out.writeByte(type);
      out.reserveInt32();
    } catch (RuntimeException | Error failure) {
      out.truncate(start);
      throw failure;
    }
    return start;
  }

  /** Back-fills the length of the message begun at {@code start}: all but the type byte. */
  private static void end(WriteBuffer out, int start) {
    out.setInt32(start + 1, out.size() - start - 1);
    WireTrace.frontend(out.array(), start);
  }

  private static void requireFits(String message, long bodyLength) {
    if (bodyLength > Integer.MAX_VALUE - 4) {
      throw new IllegalArgumentException(
          "a " + message + " of " + bodyLength + " bytes exceeds the protocol's 2 GiB limit");
    }
  }

  private static void requireCount(String what, int count) {
    if (count < 0 || count > MAX_COUNT) {
      throw new IllegalArgumentException(
          "a message carries at most " + MAX_COUNT + " " + what + ", not " + count);
    }
  }

  private static int lengthOf(byte[] data) {
    return data == null ? 0 : data.length;
  }

  private static byte[] empty(char type) {
    return new byte[] {(byte) type, 0, 0, 0, 4};
  }

  private static byte[] untyped(int code) {
    byte[] message = new byte[8];
    BigEndian.putInt32(message, 0, 8);
    BigEndian.putInt32(message, 4, code);
    return message;
  }
}
