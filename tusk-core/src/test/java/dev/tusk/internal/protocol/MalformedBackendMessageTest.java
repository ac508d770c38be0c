package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.bytes;
import static dev.tusk.internal.protocol.Wire.cString;
import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.decodeOne;
import static dev.tusk.internal.protocol.Wire.int16;
import static dev.tusk.internal.protocol.Wire.int32;
import static dev.tusk.internal.protocol.Wire.message;
import static dev.tusk.internal.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bodies that break their documented layout are rejected with a message that says how. */
class MalformedBackendMessageTest {

  private static ProtocolViolationException rejected(char type, byte[] body) {
    return assertThrows(ProtocolViolationException.class, () -> decodeOne(message(type, body)));
  }

  private static void assertRejected(char type, byte[] body, String expectedDetail) {
    String text = rejected(type, body).getMessage();
    assertTrue(text.contains(expectedDetail), text);
  }

  @Test
  void namesTheMessageTypeAndSize() {
    assertEquals(
        "malformed ReadyForQuery 'Z' (0x5A) message of 0 bytes: needs an Int8 at offset 0 but"
            + " only 0 bytes are left",
        rejected('Z', new byte[0]).getMessage());
  }

  @Test
  void stringWithoutTerminator() {
    assertRejected('S', concat(cString("TimeZone"), utf8("UTC")), "has no NUL terminator");
    assertRejected('C', utf8("SELECT 1"), "has no NUL terminator");
  }

  @Test
  void truncatedFixedFields() {
    assertRejected('R', bytes(0, 0), "needs an Int32 at offset 0");
    assertRejected('R', concat(int32(5), bytes(1, 2, 3)), "needs 4 bytes at offset 4");
    assertRejected('A', concat(int32(1), cString("channel")), "has no NUL terminator");
    assertRejected('K', int16(1), "needs an Int32");
    assertRejected('G', bytes(0, 0), "needs an Int16");
    byte[] fieldWithoutFormat = concat(cString("id"), int32(0), int16(0), int32(0), int16(0));
    assertRejected(
        'T', concat(int16(1), fieldWithoutFormat, int32(0)), "needs an Int16 at offset 21");
  }

  @Test
  void trailingBytes() {
    assertRejected('1', bytes(0), "1 unexpected bytes");
    assertRejected('R', concat(int32(0), bytes(1, 2)), "2 unexpected bytes");
    assertRejected('E', concat(bytes('M'), cString("x"), bytes(0, 0)), "1 unexpected bytes");
    assertRejected('Z', bytes('I', 'I'), "1 unexpected bytes");
    assertRejected('S', concat(cString("a"), cString("b"), cString("c")), "2 unexpected bytes");
  }

  @Test
  void countsThatCannotFit() {
    assertRejected('T', concat(int16(2), new byte[20]), "a count of 2 does not fit in the 20");
    assertRejected('T', int16(-1), "a count of -1");
    assertRejected('t', concat(int16(3), int32(23), int32(23)), "a count of 3");
    assertRejected('H', concat(bytes(0), int16(1)), "a count of 1");
    assertRejected('v', concat(int32(196608), int32(1)), "a count of 1");
    assertRejected('v', concat(int32(196608), int32(Integer.MIN_VALUE)), "a count of -2147483648");
  }

  @Test
  void diagnosticWithoutItsTerminatingZero() {
    assertRejected('E', concat(bytes('S'), cString("ERROR")), "needs an Int8");
    assertRejected('N', bytes('M'), "has no NUL terminator");
  }

  @Test
  void saslWithoutMechanisms() {
    assertRejected('R', concat(int32(10), bytes(0)), "offers no SASL mechanism");
    assertRejected('R', concat(int32(10), cString("SCRAM-SHA-256")), "has no NUL terminator");
  }

  @Test
  void secretKeyOfImpossibleSize() {
    assertRejected('K', concat(int32(1), bytes(1, 2, 3)), "secret key of 3 bytes");
    assertRejected('K', concat(int32(1), new byte[257]), "secret key of 257 bytes");
  }

  @Test
  void unknownTransactionStatus() {
    assertRejected('Z', bytes('X'), "unknown transaction status 0x58");
  }

  @Test
  void formatCodesOtherThanTextOrBinary() {
    assertRejected('G', concat(bytes(2), int16(0)), "format code 2");
    assertRejected('W', concat(bytes(0), int16(1), int16(-1)), "format code -1");
  }

  @Test
  void protocolMajorVersionOtherThanThree() {
    assertRejected('v', concat(int32(4 << 16), int32(0)), "protocol version 4.0");
  }

  @Test
  void dataRowLayouts() {
    assertRejected('D', bytes(0), "has no room for the column count");
    assertRejected('D', int16(-3), "negative column count -3");
    assertRejected('D', concat(int16(1), bytes(0, 0)), "the length of column 0 of 1 runs past");
    assertRejected('D', concat(int16(1), int32(3), bytes(1, 2)), "column 0 announces 3 bytes");
    assertRejected('D', concat(int16(1), int32(-2)), "column 0 announces -2 bytes");
    assertRejected('D', concat(int16(1), int32(-1), bytes(9)), "1 bytes follow the last of 1");
    assertRejected(
        'D', concat(int16(1), int32(Integer.MAX_VALUE), bytes(1)), "announces 2147483647 bytes");
  }
}
