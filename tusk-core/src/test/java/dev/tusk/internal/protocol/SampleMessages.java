package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.bytes;
import static dev.tusk.internal.protocol.Wire.cString;
import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.int16;
import static dev.tusk.internal.protocol.Wire.int32;
import static dev.tusk.internal.protocol.Wire.message;
import static dev.tusk.internal.protocol.Wire.utf8;

import java.util.Arrays;
import java.util.List;

/** One valid wire message of every backend type, and a comparable text form of decoded ones. */
final class SampleMessages {

  private SampleMessages() {}

  static final List<byte[]> ALL =
      List.of(
          message('R', int32(0)),
          message('R', int32(3)),
          message('R', concat(int32(5), bytes(1, 2, 3, 4))),
          message('R', concat(int32(10), cString("SCRAM-SHA-256"), bytes(0))),
          message('R', concat(int32(11), utf8("r=nonce,s=salt,i=4096"))),
          message('R', concat(int32(12), utf8("v=sig"))),
          message('R', int32(7)),
          message('S', concat(cString("DateStyle"), cString("ISO, MDY"))),
          message('K', concat(int32(99), bytes(1, 2, 3, 4))),
          message('Z', bytes('I')),
          message(
              'T',
              concat(
                  int16(1),
                  cString("n"),
                  int32(1),
                  int16(1),
                  int32(23),
                  int16(4),
                  int32(-1),
                  int16(0))),
          message('D', DataRow.of(utf8("1"), null, utf8("three")).bytes()),
          message('C', cString("SELECT 1")),
          message('I', new byte[0]),
          message(
              'E', concat(bytes('S'), cString("ERROR"), bytes('C'), cString("22012"), bytes(0))),
          message('N', concat(bytes('M'), cString("note"), bytes(0))),
          message('A', concat(int32(5), cString("ch"), cString("hi"))),
          message('t', concat(int16(1), int32(25))),
          message('1', new byte[0]),
          message('2', new byte[0]),
          message('3', new byte[0]),
          message('n', new byte[0]),
          message('s', new byte[0]),
          message('G', concat(bytes(0), int16(1), int16(0))),
          message('H', concat(bytes(1), int16(1), int16(1))),
          message('W', concat(bytes(0), int16(0))),
          message('d', utf8("a\tb\n")),
          message('c', new byte[0]),
          message('v', concat(int32(196608), int32(1), cString("_pq_.x"))));

  /** A text that is equal for equal messages, arrays included. */
  static String canonical(BackendMessage message) {
    return switch (message) {
      case DataRow row -> "DataRow" + Arrays.toString(row.bytes());
      case CopyData data -> "CopyData" + Arrays.toString(data.data());
      case AuthenticationMD5Password md5 -> "MD5" + Arrays.toString(md5.salt());
      case AuthenticationSASLContinue sasl -> "SASLContinue" + Arrays.toString(sasl.data());
      case AuthenticationSASLFinal sasl -> "SASLFinal" + Arrays.toString(sasl.data());
      case AuthenticationGSSContinue gss -> "GSSContinue" + Arrays.toString(gss.data());
      case BackendKeyData key -> key.processId() + Arrays.toString(key.secretKey());
      case RowDescription row -> Arrays.toString(row.fields());
      case ParameterDescription parameters -> Arrays.toString(parameters.typeOids());
      case CopyResponse copy ->
          copy.getClass().getSimpleName() + copy.format() + Arrays.toString(copy.columnFormats());
      default -> message.toString();
    };
  }
}
