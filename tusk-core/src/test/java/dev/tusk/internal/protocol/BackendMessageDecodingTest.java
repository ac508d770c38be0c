package dev.tusk.internal.protocol;

import static dev.tusk.internal.protocol.Wire.bytes;
import static dev.tusk.internal.protocol.Wire.cString;
import static dev.tusk.internal.protocol.Wire.concat;
import static dev.tusk.internal.protocol.Wire.decodeOne;
import static dev.tusk.internal.protocol.Wire.int16;
import static dev.tusk.internal.protocol.Wire.int32;
import static dev.tusk.internal.protocol.Wire.message;
import static dev.tusk.internal.protocol.Wire.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.errors.Diagnostic;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every backend message decoded from bytes laid out as the protocol documentation describes. */
class BackendMessageDecodingTest {

  @Test
  void authenticationOkAndCleartextAreSharedInstances() throws IOException {
    assertSame(AuthenticationOk.INSTANCE, decodeOne(message('R', int32(0))));
    assertSame(AuthenticationCleartextPassword.INSTANCE, decodeOne(message('R', int32(3))));
  }

  @Test
  void authenticationMd5PasswordCarriesItsSalt() throws IOException {
    var md5 = decodeOne(message('R', concat(int32(5), bytes(1, 2, 0xFE, 0xFF))));
    assertArrayEquals(bytes(1, 2, 0xFE, 0xFF), ((AuthenticationMD5Password) md5).salt());
  }

  @Test
  void authenticationSaslListsMechanismsInOrder() throws IOException {
    byte[] body =
        concat(int32(10), cString("SCRAM-SHA-256-PLUS"), cString("SCRAM-SHA-256"), bytes(0));
    var sasl = (AuthenticationSASL) decodeOne(message('R', body));
    assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"), sasl.mechanisms());
  }

  @Test
  void authenticationSaslContinueAndFinalCarryTheRestOfTheBody() throws IOException {
    byte[] data = utf8("r=abc,s=c2FsdA==,i=4096");
    var challenge = decodeOne(message('R', concat(int32(11), data)));
    assertArrayEquals(data, ((AuthenticationSASLContinue) challenge).data());
    var outcome = decodeOne(message('R', concat(int32(12), utf8("v=c2ln"))));
    assertArrayEquals(utf8("v=c2ln"), ((AuthenticationSASLFinal) outcome).data());
  }

  @Test
  void authenticationGssAndItsContinuationCarryTheServersToken() throws IOException {
    assertEquals(AuthenticationGSS.INSTANCE, decodeOne(message('R', int32(7))));
    byte[] token = bytes(0x60, 0x81, 0x00, 0x06);
    var next = decodeOne(message('R', concat(int32(8), token)));
    assertArrayEquals(token, ((AuthenticationGSSContinue) next).data());
  }

  @ParameterizedTest
  @CsvSource({"2, KerberosV5", "6, SCM credentials", "9, SSPI", "4, code 4"})
  void otherAuthenticationMethodsAreNamedUnsupported(int code, String name) throws IOException {
    var unsupported = (AuthenticationUnsupported) decodeOne(message('R', int32(code)));
    assertEquals(code, unsupported.method());
    assertEquals(name, unsupported.methodName());
  }

  @Test
  void dataAfterAnUnsupportedCodeIsSkipped() throws IOException {
    var unsupported = decodeOne(message('R', concat(int32(13), bytes(9, 9, 9))));
    assertEquals(new AuthenticationUnsupported(13), unsupported);
  }

  @Test
  void parameterStatus() throws IOException {
    var status = decodeOne(message('S', concat(cString("server_version"), cString("17.2"))));
    assertEquals(new ParameterStatus("server_version", "17.2"), status);
  }

  @Test
  void backendKeyDataKeepsTheKeyOutOfToString() throws IOException {
    var key = (BackendKeyData) decodeOne(message('K', concat(int32(4242), bytes(7, 0, 0, 9))));
    assertEquals(4242, key.processId());
    assertArrayEquals(bytes(7, 0, 0, 9), key.secretKey());
    assertEquals("BackendKeyData[processId=4242, secretKey=<4 bytes>]", key.toString());
  }

  @Test
  void backendKeyDataAcceptsTheLongerKeysOfProtocol32() throws IOException {
    byte[] secret = new byte[32];
    secret[31] = 5;
    var key = (BackendKeyData) decodeOne(message('K', concat(int32(1), secret)));
    assertArrayEquals(secret, key.secretKey());
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'T', 'E'})
  void readyForQuery(char status) throws IOException {
    assertEquals(new ReadyForQuery(status), decodeOne(message('Z', bytes(status))));
  }

  @Test
  void rowDescriptionDecodesEveryFieldAttribute() throws IOException {
    byte[] body =
        concat(
            int16(2),
            concat(cString("id"), int32(16384), int16(1), int32(23), int16(4), int32(-1), int16(1)),
            concat(
                cString("naïve"), int32(0), int16(0), int32(-5), int16(-1), int32(36), int16(0)));
    var fields = ((RowDescription) decodeOne(message('T', body))).fields();
    assertEquals(2, fields.length);
    assertEquals(new RowDescription.Field("id", 16384, 1, 23, 4, -1, 1), fields[0]);
    assertEquals(new RowDescription.Field("naïve", 0, 0, -5, -1, 36, 0), fields[1]);
  }

  @Test
  void rowDescriptionWithNoColumns() throws IOException {
    assertEquals(0, ((RowDescription) decodeOne(message('T', int16(0)))).fields().length);
  }

  @Test
  void dataRowKeepsItsBodyAndLocatesColumns() throws IOException {
    byte[] body = concat(int16(3), int32(2), utf8("42"), int32(-1), int32(0));
    var row = (DataRow) decodeOne(message('D', body));
    assertArrayEquals(body, row.bytes());
    assertEquals(3, row.columnCount());
    int[] offsets = new int[3];
    int[] lengths = new int[3];
    row.locate(offsets, lengths);
    assertArrayEquals(new int[] {6, 12, 16}, offsets);
    assertArrayEquals(new int[] {2, -1, 0}, lengths);
  }

  @Test
  void commandComplete() throws IOException {
    var complete = (CommandComplete) decodeOne(message('C', cString("INSERT 0 5")));
    assertEquals("INSERT 0 5", complete.tag());
    assertEquals(5, complete.rowCount());
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', '1', '2', '3', 'n', 's', 'c'})
  void messagesWithoutFieldsAreSharedInstances(char type) throws IOException {
    BackendMessage expected =
        switch (type) {
          case 'I' -> EmptyQueryResponse.INSTANCE;
          case '1' -> ParseComplete.INSTANCE;
          case '2' -> BindComplete.INSTANCE;
          case '3' -> CloseComplete.INSTANCE;
          case 'n' -> NoData.INSTANCE;
          case 's' -> PortalSuspended.INSTANCE;
          default -> CopyDone.INSTANCE;
        };
    assertSame(expected, decodeOne(message(type, new byte[0])));
  }

  @Test
  void errorResponseKeepsEveryFieldInOrder() throws IOException {
    byte[] body =
        concat(
            bytes('S'),
            cString("ERROR"),
            bytes('V'),
            cString("ERROR"),
            bytes('C'),
            cString("42P01"),
            bytes('M'),
            cString("relation \"nope\" does not exist"),
            bytes('P'),
            cString("15"),
            bytes(0));
    Diagnostic diagnostic = ((ErrorResponse) decodeOne(message('E', body))).diagnostic();
    assertEquals("42P01", diagnostic.sqlState());
    assertEquals("relation \"nope\" does not exist", diagnostic.messagePrimary());
    assertEquals(15, diagnostic.statementPosition());
    assertEquals(List.of('S', 'V', 'C', 'M', 'P'), List.copyOf(diagnostic.fields().keySet()));
  }

  @Test
  void noticeResponse() throws IOException {
    byte[] body = concat(bytes('S'), cString("NOTICE"), bytes('M'), cString("skipping"), bytes(0));
    Diagnostic diagnostic = ((NoticeResponse) decodeOne(message('N', body))).diagnostic();
    assertEquals(Map.of('S', "NOTICE", 'M', "skipping"), diagnostic.fields());
  }

  @Test
  void emptyErrorResponseHasNoFields() throws IOException {
    var error = (ErrorResponse) decodeOne(message('E', bytes(0)));
    assertEquals(Map.of(), error.diagnostic().fields());
  }

  @Test
  void notificationResponse() throws IOException {
    byte[] body = concat(int32(77), cString("jobs"), cString("{\"id\":1}"));
    assertEquals(new NotificationResponse(77, "jobs", "{\"id\":1}"), decodeOne(message('A', body)));
  }

  @Test
  void parameterDescription() throws IOException {
    byte[] body = concat(int16(3), int32(23), int32(25), int32(-2));
    var description = (ParameterDescription) decodeOne(message('t', body));
    assertArrayEquals(new int[] {23, 25, -2}, description.typeOids());
  }

  @ParameterizedTest
  @ValueSource(chars = {'G', 'H', 'W'})
  void copyResponsesShareOneLayout(char type) throws IOException {
    byte[] body = concat(bytes(1), int16(3), int16(1), int16(1), int16(1));
    var response = (CopyResponse) decodeOne(message(type, body));
    Class<?> expected =
        switch (type) {
          case 'G' -> CopyInResponse.class;
          case 'H' -> CopyOutResponse.class;
          default -> CopyBothResponse.class;
        };
    assertInstanceOf(expected, response);
    assertEquals(1, response.format());
    assertArrayEquals(new int[] {1, 1, 1}, response.columnFormats());
  }

  @Test
  void textCopyOutResponse() throws IOException {
    byte[] body = concat(bytes(0), int16(2), int16(0), int16(0));
    var response = (CopyOutResponse) decodeOne(message('H', body));
    assertEquals(0, response.format());
    assertArrayEquals(new int[] {0, 0}, response.columnFormats());
  }

  @Test
  void copyData() throws IOException {
    byte[] data = utf8("1\tone\n2\ttwo\n");
    assertArrayEquals(data, ((CopyData) decodeOne(message('d', data))).data());
    assertEquals(0, ((CopyData) decodeOne(message('d', new byte[0]))).data().length);
  }

  @ParameterizedTest
  @CsvSource({"196608, 0", "196610, 2", "2, 2"})
  void negotiateProtocolVersionTakesTheMinorVersion(int version, int minor) throws IOException {
    byte[] body = concat(int32(version), int32(2), cString("_pq_.a"), cString("_pq_.b"));
    var negotiate = (NegotiateProtocolVersion) decodeOne(message('v', body));
    assertEquals(minor, negotiate.newestMinorVersion());
    assertEquals(List.of("_pq_.a", "_pq_.b"), negotiate.unrecognizedOptions());
  }
}
