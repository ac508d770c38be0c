package dev.tusk.testing.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of backend messages, for a {@link Script} to send: well-formed ones by name, and {@link
 * #header} and {@link #message} for malformed ones. Every method returns a new array the caller may
 * change, to corrupt it on purpose.
 */
public final class BackendMessages {

  private BackendMessages() {}

  /** A message of {@code type} whose length field is computed from {@code body}. */
  public static byte[] message(char type, byte[] body) {
    return new Body().bytes(body).toMessage(type);
  }

  /**
   * A message header alone: the type byte and a length field saying {@code length}, which may be
   * anything, including negative or far more than will ever follow.
   */
  public static byte[] header(char type, int length) {
    return new Body().int32(length).toBytes(type);
  }

  /** AuthenticationOk. */
  public static byte[] authenticationOk() {
    return authentication(0);
  }

  /** AuthenticationCleartextPassword. */
  public static byte[] authenticationCleartextPassword() {
    return authentication(3);
  }

  /** AuthenticationMD5Password with a four-byte {@code salt}. */
  public static byte[] authenticationMd5Password(byte[] salt) {
    return new Body().int32(5).bytes(salt).toMessage('R');
  }

  /** AuthenticationSASL offering {@code mechanisms}. */
  public static byte[] authenticationSasl(String... mechanisms) {
    Body body = new Body().int32(10);
    for (String mechanism : mechanisms) {
      body.cString(mechanism);
    }
    return body.bytes(new byte[] {0}).toMessage('R');
  }

  /** An Authentication request of any {@code code}, including codes no server sends. */
  public static byte[] authentication(int code) {
    return new Body().int32(code).toMessage('R');
  }

  /** ParameterStatus. */
  public static byte[] parameterStatus(String name, String value) {
    return new Body().cString(name).cString(value).toMessage('S');
  }

  /** BackendKeyData with a four-byte secret key. */
  public static byte[] backendKeyData(int processId, int secretKey) {
    return new Body().int32(processId).int32(secretKey).toMessage('K');
  }

  /** ReadyForQuery with status {@code I} (idle), {@code T} (in a block) or {@code E} (failed). */
  public static byte[] readyForQuery(char status) {
    return new Body().bytes(new byte[] {(byte) status}).toMessage('Z');
  }

  /** ParseComplete. */
  public static byte[] parseComplete() {
    return message('1', new byte[0]);
  }

  /** BindComplete. */
  public static byte[] bindComplete() {
    return message('2', new byte[0]);
  }

  /** NoData. */
  public static byte[] noData() {
    return message('n', new byte[0]);
  }

  /** RowDescription of text columns of type {@code text} (OID 25), named {@code names}. */
  public static byte[] rowDescription(String... names) {
    Body body = new Body().int16(names.length);
    for (String name : names) {
      body.cString(name).int32(0).int16(0).int32(25).int16(-1).int32(-1).int16(0);
    }
    return body.toMessage('T');
  }

  /** DataRow of text values; a null element is SQL NULL. */
  public static byte[] dataRow(String... values) {
    Body body = new Body().int16(values.length);
    for (String value : values) {
      if (value == null) {
        body.int32(-1);
      } else {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        body.int32(bytes.length).bytes(bytes);
      }
    }
    return body.toMessage('D');
  }

  /** CommandComplete with {@code tag}, such as {@code SELECT 1}. */
  public static byte[] commandComplete(String tag) {
    return new Body().cString(tag).toMessage('C');
  }

  /**
   * ErrorResponse with severity ({@code ERROR}, {@code FATAL}), SQLSTATE {@code code} and primary
   * {@code message}.
   */
  public static byte[] errorResponse(String severity, String code, String message) {
    return fields('E', severity, code, message);
  }

  /** NoticeResponse; see {@link #errorResponse}. */
  public static byte[] noticeResponse(String severity, String code, String message) {
    return fields('N', severity, code, message);
  }

  private static byte[] fields(char type, String severity, String code, String message) {
    return new Body()
        .field('S', severity)
        .field('V', severity)
        .field('C', code)
        .field('M', message)
        .bytes(new byte[] {0})
        .toMessage(type);
  }

  /** Concatenates messages, to send them in one write. */
  public static byte[] concat(byte[]... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] message : messages) {
      out.writeBytes(message);
    }
    return out.toByteArray();
  }

  /** A message body being built, big-endian as the protocol wants. */
  private static final class Body {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Body int16(int value) {
      out.write(value >>> 8);
      out.write(value);
      return this;
    }

    Body int32(int value) {
      int16(value >>> 16);
      return int16(value);
    }

    Body bytes(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    Body cString(String value) {
      out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      out.write(0);
      return this;
    }

    Body field(char code, String value) {
      out.write(code);
      return cString(value);
    }

    /** The type byte, the length of the body plus four, then the body. */
    byte[] toMessage(char type) {
      byte[] body = out.toByteArray();
      return concat(new Body().int32(body.length + 4).toBytes(type), body);
    }

    /** The type byte then these bytes as they are. */
    byte[] toBytes(char type) {
      return concat(new byte[] {(byte) type}, out.toByteArray());
    }
  }
}
