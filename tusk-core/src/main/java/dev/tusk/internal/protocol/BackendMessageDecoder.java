package dev.tusk.internal.protocol;

import dev.tusk.errors.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes one backend message body by its type byte, checking it against the documented layout. */
final class BackendMessageDecoder {

  private static final int MIN_FIELD_BYTES = 19; // empty name's NUL + 4+2+4+2+4+2
  private static final int MIN_SECRET_KEY_BYTES = 4;
  private static final int MAX_SECRET_KEY_BYTES = 256;
  private static final int PROTOCOL_MAJOR = 3;

  private BackendMessageDecoder() {}

  /** The PostgreSQL name of a backend message type, or null if the type is not one. */
  static String name(byte type) {
    return switch (type) {
      case 'R' -> "Authentication";
      case 'S' -> "ParameterStatus";
      case 'K' -> "BackendKeyData";
      case 'Z' -> "ReadyForQuery";
      case 'T' -> "RowDescription";
      case 'D' -> "DataRow";
      case 'C' -> "CommandComplete";
      case 'I' -> "EmptyQueryResponse";
      case 'E' -> "ErrorResponse";
      case 'N' -> "NoticeResponse";
      case 'A' -> "NotificationResponse";
      case 't' -> "ParameterDescription";
      case '1' -> "ParseComplete";
      case '2' -> "BindComplete";
      case '3' -> "CloseComplete";
      case 'n' -> "NoData";
      case 's' -> "PortalSuspended";
      case 'G' -> "CopyInResponse";
      case 'H' -> "CopyOutResponse";
      case 'W' -> "CopyBothResponse";
      case 'd' -> "CopyData";
      case 'c' -> "CopyDone";
      case 'v' -> "NegotiateProtocolVersion";
      default -> null;
    };
  }

  /** The type for error messages: its name and byte, such as {@code DataRow ('D')}. */
  static String describe(byte type) {
    String name = name(type);
    String code = String.format("0x%02X", type & 0xFF);
    if (type >= 0x20 && type < 0x7F) {
      code = "'" + (char) type + "' (" + code + ")";
    }
    return name == null ? "unknown type " + code : name + " " + code;
  }

  /**
   * Decodes the whole body, a DataRow into what {@code rows} makes of it; bytes left over are a
   * violation.
   */
  static BackendMessage decode(MessageBody body, DataRow.Maker rows)
      throws ProtocolViolationException {
    BackendMessage message =
        switch (body.type()) {
          case 'R' -> authentication(body);
          case 'S' -> new ParameterStatus(body.cString(), body.cString());
          case 'K' -> backendKeyData(body);
          case 'Z' -> readyForQuery(body);
          case 'T' -> rowDescription(body);
          case 'D' -> DataRow.wrap(body.remaining(), rows);
          case 'C' -> new CommandComplete(body.cString());
          case 'I' -> EmptyQueryResponse.INSTANCE;
          case 'E' -> new ErrorResponse(Diagnostic.of(diagnosticFields(body)));
          case 'N' -> new NoticeResponse(Diagnostic.of(diagnosticFields(body)));
          case 'A' -> new NotificationResponse(body.int32(), body.cString(), body.cString());
          case 't' -> new ParameterDescription(int32s(body));
          case '1' -> ParseComplete.INSTANCE;
          case '2' -> BindComplete.INSTANCE;
          case '3' -> CloseComplete.INSTANCE;
          case 'n' -> NoData.INSTANCE;
          case 's' -> PortalSuspended.INSTANCE;
          case 'G' -> new CopyInResponse(copyFormat(body), copyFormats(body));
          case 'H' -> new CopyOutResponse(copyFormat(body), copyFormats(body));
          case 'W' -> new CopyBothResponse(copyFormat(body), copyFormats(body));
          case 'd' -> new CopyData(body.remaining());
          case 'c' -> CopyDone.INSTANCE;
          case 'v' -> negotiateProtocolVersion(body);
          default -> throw body.malformed("not a backend message type");
        };
    body.expectEnd();
    return message;
  }

  private static Authentication authentication(MessageBody body) throws ProtocolViolationException {
    int code = body.int32();
    return switch (code) {
      case 0 -> AuthenticationOk.INSTANCE;
      case 3 -> AuthenticationCleartextPassword.INSTANCE;
      case 5 -> new AuthenticationMD5Password(body.bytes(4));
      case 7 -> AuthenticationGSS.INSTANCE;
      case 8 -> new AuthenticationGSSContinue(body.remaining());
      case 10 -> new AuthenticationSASL(saslMechanisms(body));
      case 11 -> new AuthenticationSASLContinue(body.remaining());
      case 12 -> new AuthenticationSASLFinal(body.remaining());
      default -> {
        body.skipRemaining();
        yield new AuthenticationUnsupported(code);
      }
    };
  }

  private static List<String> saslMechanisms(MessageBody body) throws ProtocolViolationException {
    List<String> mechanisms = new ArrayList<>(2);
    for (String mechanism = body.cString(); !mechanism.isEmpty(); mechanism = body.cString()) {
      mechanisms.add(mechanism);
    }
    if (mechanisms.isEmpty()) {
      throw body.malformed("the server offers no SASL mechanism");
    }
    return mechanisms;
  }

  private static BackendKeyData backendKeyData(MessageBody body) throws ProtocolViolationException {
    int processId = body.int32();
    byte[] secretKey = body.remaining();
    if (secretKey.length < MIN_SECRET_KEY_BYTES || secretKey.length > MAX_SECRET_KEY_BYTES) {
      throw body.malformed(
          "a secret key of "
              + secretKey.length
              + " bytes is outside "
              + MIN_SECRET_KEY_BYTES
              + ".."
              + MAX_SECRET_KEY_BYTES);
    }
    return new BackendKeyData(processId, secretKey);
  }

  private static ReadyForQuery readyForQuery(MessageBody body) throws ProtocolViolationException {
    char status = (char) body.int8();
    ReadyForQuery ready = ReadyForQuery.of(status);
    if (ready == null) {
      throw body.malformed("unknown transaction status 0x" + Integer.toHexString(status));
    }
    return ready;
  }

  private static RowDescription rowDescription(MessageBody body) throws ProtocolViolationException {
    RowDescription.Field[] fields = new RowDescription.Field[body.count16(MIN_FIELD_BYTES)];
    for (int i = 0; i < fields.length; i++) {
      fields[i] =
          new RowDescription.Field(
              body.cString(),
              body.int32(),
              body.int16(),
              body.int32(),
              body.int16(),
              body.int32(),
              body.int16());
    }
    return new RowDescription(fields);
  }

  private static Map<Character, String> diagnosticFields(MessageBody body)
      throws ProtocolViolationException {
    Map<Character, String> fields = new LinkedHashMap<>();
    for (int code = body.int8(); code != 0; code = body.int8()) {
      fields.put((char) code, body.cString());
    }
    return fields;
  }

  private static int[] int32s(MessageBody body) throws ProtocolViolationException {
    int[] values = new int[body.count16(4)];
    for (int i = 0; i < values.length; i++) {
      values[i] = body.int32();
    }
    return values;
  }

  private static int copyFormat(MessageBody body) throws ProtocolViolationException {
    return checkFormat(body, body.int8());
  }

  private static int[] copyFormats(MessageBody body) throws ProtocolViolationException {
    int[] formats = new int[body.count16(2)];
    for (int i = 0; i < formats.length; i++) {
      formats[i] = checkFormat(body, body.int16());
    }
    return formats;
  }

  private static int checkFormat(MessageBody body, int format) throws ProtocolViolationException {
    if (format != 0 && format != 1) {
      throw body.malformed("format code " + format + " is neither 0 (text) nor 1 (binary)");
    }
    return format;
  }

  private static NegotiateProtocolVersion negotiateProtocolVersion(MessageBody body)
      throws ProtocolViolationException {
    // The field holds the whole version (major << 16 | minor); older texts call it the minor.
    int version = body.int32();
    int major = version >>> 16;
    if (major != PROTOCOL_MAJOR && major != 0) {
      throw body.malformed("it offers protocol version " + major + "." + (version & 0xFFFF));
    }
    int count = body.count32(1);
    List<String> options = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      options.add(body.cString());
    }
    return new NegotiateProtocolVersion(version & 0xFFFF, options);
  }
}
