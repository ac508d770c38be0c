package dev.tusk.internal.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScramSha256ClientTest {

  // RFC 7677 section 3. (The server-final below is the RFC's; it was also recomputed with
  // Python's hashlib/hmac.)
  static final String NONCE = "rOprNGfwEbeRWgbNEkqO";
  static final String SERVER_NONCE = NONCE + "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  static final String SERVER_FIRST = "r=" + SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
  static final String CLIENT_FINAL =
      "c=biws,r=" + SERVER_NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

  private static final String SECRET = "Sentinel-Pa55word";

  static ScramSha256Client rfcClient(String password, int maxIterations) {
    return new ScramSha256Client(password, maxIterations, "user", NONCE);
  }

  /** A client that has sent its first message and waits for the server-first-message. */
  static ScramSha256Client started(String password, int maxIterations) {
    ScramSha256Client client = rfcClient(password, maxIterations);
    client.clientFirstMessage();
    return client;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }

  @Test
  void rfc7677TestVector() throws AuthenticationException {
    ScramSha256Client client = rfcClient("pencil", 100_000);

    assertEquals("SCRAM-SHA-256", client.mechanism());
    assertEquals("n,,n=user,r=" + NONCE, text(client.clientFirstMessage()));
    assertEquals(CLIENT_FINAL, text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
    assertDoesNotThrow(() -> client.verifyServerFinalMessage(SERVER_FINAL.getBytes(UTF_8)));
  }

  @Test
  void publicConstructorSendsAnEmptyUserAndAFreshRandomNonce() {
    String first = text(new ScramSha256Client("pencil", 100_000).clientFirstMessage());
    String other = text(new ScramSha256Client("pencil", 100_000).clientFirstMessage());

    assertTrue(first.startsWith("n,,n=,r="), first);
    String nonce = first.substring("n,,n=,r=".length());
    assertTrue(Base64.getDecoder().decode(nonce).length >= 18, nonce);
    assertTrue(ScramAttributes.isPrintable(nonce), nonce);
    assertNotEquals(first, other);
  }

  @Test
  void userNameIsEscapedAsSaslName() {
    ScramSha256Client client = new ScramSha256Client("pencil", 4096, "a=b,c", NONCE);

    assertEquals("n,,n=a=3Db=2Cc,r=" + NONCE, text(client.clientFirstMessage()));
  }

  @Test
  void saslPrepIsAppliedToThePassword() throws AuthenticationException {
    // SOFT HYPHEN vanishes, NO-BREAK SPACE becomes SPACE, U+00AA becomes "a": the key is derived
    // from "IX a". Expected proof computed independently with Python's hashlib.pbkdf2_hmac and hmac
    // over the UTF-8 bytes of "IX a".
    ScramSha256Client client = started("I\u00ADX\u00A0\u00AA", 4096);

    assertEquals(
        "c=biws,r=" + SERVER_NONCE + ",p=WiGoWe2tpqjshQ+Kcv84nwJuJqtt0u+mDGXEqUUKR3k=",
        text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
    assertDoesNotThrow(
        () ->
            client.verifyServerFinalMessage(
                "v=YjEhbm6eSgfZGfAzJTTnEYyMplS38Cj1QF9BYKKVFkM=".getBytes(UTF_8)));
  }

  @Test
  void passwordThatSaslPrepRejectsIsUsedAsRawBytes() throws AuthenticationException {
    // U+0627 U+0031 breaks the bidi rule; computed with Python over the raw bytes d8 a7 31.
    ScramSha256Client client = started("\u0627\u0031", 4096);

    assertEquals(
        "c=biws,r=" + SERVER_NONCE + ",p=Mwv9BeJsWXmjs2fS8/dFaBTb1JESa9cV4i1BuELb3yw=",
        text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
  }

  @Test
  void wrongServerSignatureIsRejected() throws AuthenticationException {
    byte[] signature = Base64.getDecoder().decode(SERVER_FINAL.substring(2));
    signature[31] ^= 1;
    for (String serverFinal :
        List.of(
            "v=" + Base64.getEncoder().encodeToString(signature),
            "v=6rriTRBi23WpRR/wtup+mMhK1CQ4OwbSLdgJKddlR/g=",
            "v=")) {
      ScramSha256Client client = started("pencil", 4096);
      client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8));

      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () -> client.verifyServerFinalMessage(serverFinal.getBytes(UTF_8)));
      assertTrue(e.getMessage().contains("server signature"), e.getMessage());
    }
  }

  @Test
  void wrongPasswordYieldsADifferentProofAndFailsVerification() throws AuthenticationException {
    ScramSha256Client client = started("pencil2", 4096);

    assertNotEquals(
        CLIENT_FINAL, text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
    assertThrows(
        AuthenticationException.class,
        () -> client.verifyServerFinalMessage(SERVER_FINAL.getBytes(UTF_8)));
  }

  @Test
  void serverErrorIsReportedWithItsText() throws AuthenticationException {
    ScramSha256Client client = started("pencil", 4096);
    client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8));

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> client.verifyServerFinalMessage("e=invalid-proof".getBytes(UTF_8)));
    assertEquals("SCRAM authentication failed on the server: \"invalid-proof\"", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x=1",
        "v=***",
        "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=,",
        "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=,1=x"
      })
  void malformedServerFinalIsRejected(String serverFinal) throws AuthenticationException {
    ScramSha256Client client = started("pencil", 4096);
    client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8));

    assertThrows(
        AuthenticationException.class,
        () -> client.verifyServerFinalMessage(serverFinal.getBytes(UTF_8)));
  }

  @Test
  void serverFinalExtensionsAreIgnored() throws AuthenticationException {
    ScramSha256Client client = started("pencil", 4096);
    client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8));

    assertDoesNotThrow(
        () -> client.verifyServerFinalMessage((SERVER_FINAL + ",x=later").getBytes(UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "r=someoneElse%hvYDpWUa2RaTCAfuxFIlj,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkq,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
      })
  void nonceThatDoesNotExtendOursIsRejected(String serverFirst) {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> started("pencil", 4096).handleServerFirstMessage(serverFirst.getBytes(UTF_8)));
    assertEquals("SCRAM server nonce (r=) does not extend the client nonce", e.getMessage());
  }

  @Test
  void iterationCountAboveTheCapIsRejectedNamingCountAndSetting() {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> started("pencil", 4095).handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("4096"), e.getMessage());
    assertTrue(e.getMessage().contains("scram_max_iterations"), e.getMessage());
    assertTrue(e.getMessage().contains("4095"), e.getMessage());
  }

  @Test
  void iterationCountEqualToTheCapIsAccepted() throws AuthenticationException {
    assertEquals(
        CLIENT_FINAL,
        text(started("pencil", 4096).handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
  }

  @Test
  void hugeIterationCountIsRejectedAsOverTheCap() {
    String serverFirst = SERVER_FIRST.replace("i=4096", "i=99999999999999999999999999");

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> started("pencil", 100_000).handleServerFirstMessage(serverFirst.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("scram_max_iterations"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ",",
        "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==",
        "s=W22ZaJ0SNY7soEsUEjb6gQ==,r=rOprNGfwEbeRWgbNEkqO%hv,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=***,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ=,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-1",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=abc",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=+4096",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,x=",
        "r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,1=x",
        "r=rOprNGfwEbeRWgbNEkqO\u00e9,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "r=rOprNGfwEbeRWgbNEkqO h,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "m=mandatory,r=rOprNGfwEbeRWgbNEkqO%hv,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
      })
  void malformedServerFirstIsRejected(String serverFirst) {
    assertThrows(
        AuthenticationException.class,
        () -> started("pencil", 4096).handleServerFirstMessage(serverFirst.getBytes(UTF_8)));
  }

  @Test
  void mandatoryExtensionIsNamedInTheError() {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () ->
                started("pencil", 4096)
                    .handleServerFirstMessage(("m=ext," + SERVER_FIRST).getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("mandatory extension (m=)"), e.getMessage());
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] serverFirst = SERVER_FIRST.getBytes(UTF_8);
    serverFirst[serverFirst.length - 1] = (byte) 0xC3;

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> started("pencil", 4096).handleServerFirstMessage(serverFirst));
    assertEquals("SCRAM server-first-message is not valid UTF-8", e.getMessage());
  }

  @Test
  void optionalExtensionsAfterTheIterationCountAreIgnored() throws AuthenticationException {
    ScramSha256Client client = started("pencil", 4096);

    String clientFinal =
        text(client.handleServerFirstMessage((SERVER_FIRST + ",x=y=z").getBytes(UTF_8)));
    // The AuthMessage includes the extension, so the proof differs from the RFC's.
    assertTrue(clientFinal.startsWith("c=biws,r=" + SERVER_NONCE + ",p="), clientFinal);
    assertFalse(clientFinal.equals(CLIENT_FINAL));
  }

  @Test
  void callsOutOfOrderThrowIllegalState() throws AuthenticationException {
    byte[] serverFirst = SERVER_FIRST.getBytes(UTF_8);
    byte[] serverFinal = SERVER_FINAL.getBytes(UTF_8);
    ScramSha256Client client = rfcClient("pencil", 4096);

    assertThrows(IllegalStateException.class, () -> client.handleServerFirstMessage(serverFirst));
    assertThrows(IllegalStateException.class, () -> client.verifyServerFinalMessage(serverFinal));
    client.clientFirstMessage();
    assertThrows(IllegalStateException.class, client::clientFirstMessage);
    assertThrows(IllegalStateException.class, () -> client.verifyServerFinalMessage(serverFinal));
    client.handleServerFirstMessage(serverFirst);
    assertThrows(IllegalStateException.class, () -> client.handleServerFirstMessage(serverFirst));
    client.verifyServerFinalMessage(serverFinal);
    assertThrows(IllegalStateException.class, () -> client.verifyServerFinalMessage(serverFinal));
    assertThrows(IllegalStateException.class, client::clientFirstMessage);
  }

  @Test
  void failedExchangeCannotContinue() {
    ScramSha256Client client = started("pencil", 4096);

    assertThrows(
        AuthenticationException.class, () -> client.handleServerFirstMessage(new byte[] {'x'}));
    assertThrows(
        IllegalStateException.class,
        () -> client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8)));
    assertThrows(
        IllegalStateException.class,
        () -> client.verifyServerFinalMessage(SERVER_FINAL.getBytes(UTF_8)));
  }

  @Test
  void constructorRejectsInvalidSettings() {
    assertThrows(IllegalArgumentException.class, () -> new ScramSha256Client("pencil", 0));
    assertThrows(IllegalArgumentException.class, () -> new ScramSha256Client("pencil", -5));
    assertThrows(
        IllegalArgumentException.class, () -> new ScramSha256Client("pencil", 10, "u", "a,b"));
    assertThrows(
        IllegalArgumentException.class, () -> new ScramSha256Client("pencil", 10, "u", ""));
    assertThrows(NullPointerException.class, () -> new ScramSha256Client(null, 10));
  }

  @Test
  void emptyPasswordStillProducesAProof() throws AuthenticationException {
    // PostgreSQL never stores an empty password, so the server will refuse the proof; the client
    // must still get that far instead of failing inside the JDK's key handling.
    String clientFinal =
        text(started("", 4096).handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8)));

    assertTrue(clientFinal.startsWith("c=biws,r=" + SERVER_NONCE + ",p="), clientFinal);
  }

  @Test
  void noMessageOrToStringContainsThePassword() throws AuthenticationException {
    List<String> texts = new ArrayList<>();
    for (String serverFirst :
        List.of(
            "",
            "r=x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            "r=" + SERVER_NONCE + ",s=***,i=4096",
            "r=" + SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-1",
            "r=" + SERVER_NONCE + ",s=W22ZaJ0SNY7soEsUEjb6gQ==,i=9999999",
            "m=ext," + SERVER_FIRST)) {
      ScramSha256Client client = started(SECRET, 4096);
      texts.add(client.toString());
      texts.add(
          assertThrows(
                  AuthenticationException.class,
                  () -> client.handleServerFirstMessage(serverFirst.getBytes(UTF_8)))
              .toString());
      texts.add(assertThrows(IllegalStateException.class, client::clientFirstMessage).toString());
    }
    for (String serverFinal : List.of("e=other-error", "v=AAAA", "garbage")) {
      ScramSha256Client client = started(SECRET, 4096);
      client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8));
      texts.add(client.toString());
      texts.add(
          assertThrows(
                  AuthenticationException.class,
                  () -> client.verifyServerFinalMessage(serverFinal.getBytes(UTF_8)))
              .toString());
    }

    assertEquals(24, texts.size());
    for (String text : texts) {
      assertFalse(text.contains(SECRET), text);
    }
  }

  @Test
  void serverTextInErrorsIsShortenedAndDefanged() throws AuthenticationException {
    ScramSha256Client client = started("pencil", 4096);
    client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8));
    String error = "e=bad\nline\u202E" + "z".repeat(500);

    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () -> client.verifyServerFinalMessage(error.getBytes(UTF_8)));
    assertTrue(e.getMessage().contains("\"bad?line?zzz"), e.getMessage());
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void noChannelBindingEncodesAsBiws() {
    assertArrayEquals(new byte[0], ChannelBinding.NONE.data());
    assertEquals("biws", ChannelBinding.NONE.attributeValue());
  }
}
