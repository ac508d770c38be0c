package dev.tusk.internal.auth;

import static dev.tusk.internal.auth.ScramSha256ClientTest.CLIENT_FINAL;
import static dev.tusk.internal.auth.ScramSha256ClientTest.NONCE;
import static dev.tusk.internal.auth.ScramSha256ClientTest.SERVER_FINAL;
import static dev.tusk.internal.auth.ScramSha256ClientTest.SERVER_FIRST;
import static dev.tusk.internal.auth.ScramSha256ClientTest.SERVER_NONCE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * SCRAM with ClientKey and ServerKey in place of the password (libpq 18's {@code
 * scram_client_key}/{@code scram_server_key}): the keys derived from RFC 7677's password give RFC
 * 7677's messages, byte for byte, without the password.
 */
class ScramCredentialTest {

  private static final byte[] RFC_SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");

  /** RFC 7677's ClientKey: HMAC(Hi("pencil", salt, 4096), "Client Key"). */
  private static byte[] rfcClientKey() {
    return ScramFunctions.hmac(rfcSaltedPassword(), "Client Key".getBytes(UTF_8));
  }

  private static byte[] rfcServerKey() {
    return ScramFunctions.hmac(rfcSaltedPassword(), "Server Key".getBytes(UTF_8));
  }

  private static byte[] rfcSaltedPassword() {
    return ScramFunctions.hi("pencil".getBytes(UTF_8), RFC_SALT, 4096);
  }

  private static ScramSha256Client keyClient(byte[] clientKey, byte[] serverKey, int cap) {
    return new ScramSha256Client(
        ScramCredential.keys(clientKey, serverKey), cap, "user", NONCE, ChannelBinding.NONE);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }

  @Test
  void keysDerivedFromTheRfcPasswordGiveTheRfcProofAndAcceptTheRfcSignature()
      throws AuthenticationException {
    ScramSha256Client client = keyClient(rfcClientKey(), rfcServerKey(), 4096);

    assertEquals("n,,n=user,r=" + NONCE, text(client.clientFirstMessage()));
    assertEquals(CLIENT_FINAL, text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
    assertDoesNotThrow(() -> client.verifyServerFinalMessage(SERVER_FINAL.getBytes(UTF_8)));
    assertTrue(client.isServerVerified());
  }

  @Test
  void theRfcStoredKeyIsTheHashOfTheDerivedClientKey() {
    // The verifier a server stores for "pencil" with the RFC's salt (recomputed with Python's
    // hashlib/hmac): the keys above are the ones a server holds, not merely self-consistent.
    byte[] storedKey = ScramFunctions.hash(rfcClientKey());
    assertEquals(
        "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=",
        Base64.getEncoder().encodeToString(storedKey));
    assertEquals(
        "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=",
        Base64.getEncoder().encodeToString(rfcServerKey()));
  }

  @Test
  void aWrongServerKeyRefusesTheServerNamingTheKeywordNotTheKey() throws AuthenticationException {
    byte[] wrongServerKey = rfcServerKey();
    wrongServerKey[0] ^= 1;
    String shown = Base64.getEncoder().encodeToString(wrongServerKey);
    ScramSha256Client client = keyClient(rfcClientKey(), wrongServerKey, 4096);
    client.clientFirstMessage();

    // The proof does not depend on the ServerKey: the server would accept it.
    assertEquals(CLIENT_FINAL, text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8))));
    AuthenticationException error =
        assertThrows(
            AuthenticationException.class,
            () -> client.verifyServerFinalMessage(SERVER_FINAL.getBytes(UTF_8)));
    assertEquals(
        "SCRAM server signature (v=) is wrong: the server did not prove that it knows the"
            + " ServerKey given as scram_server_key",
        error.getMessage());
    assertFalse(error.getMessage().contains(shown));
    assertFalse(client.isServerVerified());
  }

  @Test
  void aWrongClientKeyGivesAnotherProof() throws AuthenticationException {
    byte[] wrongClientKey = rfcClientKey();
    wrongClientKey[31] ^= 1;
    ScramSha256Client client = keyClient(wrongClientKey, rfcServerKey(), 4096);
    client.clientFirstMessage();

    String clientFinal = text(client.handleServerFirstMessage(SERVER_FIRST.getBytes(UTF_8)));
    assertTrue(clientFinal.startsWith("c=biws,r=" + SERVER_NONCE + ",p="), clientFinal);
    assertFalse(clientFinal.equals(CLIENT_FINAL), clientFinal);
  }

  @Test
  void keysAreNotHeldToTheIterationCapSinceTheyCostNoHashing() throws AuthenticationException {
    String manyIterations = SERVER_FIRST.replace("i=4096", "i=2000000000");
    ScramSha256Client keys = keyClient(rfcClientKey(), rfcServerKey(), 4096);
    keys.clientFirstMessage();
    // The iteration count takes no part in the proof when the keys are given.
    assertEquals(CLIENT_FINAL.length(), keys.handleServerFirstMessage(utf8(manyIterations)).length);

    ScramSha256Client password = ScramSha256ClientTest.started("pencil", 4096);
    assertThrows(
        AuthenticationException.class,
        () -> password.handleServerFirstMessage(utf8(manyIterations)));
  }

  @Test
  void keysGiveTheSameChannelBoundMessagesAsThePassword() throws AuthenticationException {
    byte[] certificateHash = new byte[32];
    Arrays.fill(certificateHash, (byte) 0x5a);
    ChannelBinding plus =
        new ChannelBinding("SCRAM-SHA-256-PLUS", "p=tls-server-end-point,,", certificateHash);
    ScramSha256Client withKeys =
        new ScramSha256Client(
            ScramCredential.keys(rfcClientKey(), rfcServerKey()), 4096, "user", NONCE, plus);
    ScramSha256Client withPassword =
        new ScramSha256Client(ScramCredential.password("pencil"), 4096, "user", NONCE, plus);

    assertEquals("SCRAM-SHA-256-PLUS", withKeys.mechanism());
    assertArrayEquals(withPassword.clientFirstMessage(), withKeys.clientFirstMessage());
    byte[] keysFinal = withKeys.handleServerFirstMessage(utf8(SERVER_FIRST));
    assertArrayEquals(withPassword.handleServerFirstMessage(utf8(SERVER_FIRST)), keysFinal);
    assertTrue(text(keysFinal).startsWith("c=" + plus.attributeValue() + ","), text(keysFinal));
  }

  @Test
  void theKeysAreZeroedOnceTheProofIsMade() throws AuthenticationException {
    byte[] clientKey = rfcClientKey();
    byte[] serverKey = rfcServerKey();
    ScramSha256Client client = keyClient(clientKey, serverKey, 4096);
    client.clientFirstMessage();
    client.handleServerFirstMessage(utf8(SERVER_FIRST));

    assertArrayEquals(new byte[32], clientKey);
    assertArrayEquals(new byte[32], serverKey);
    assertDoesNotThrow(() -> client.verifyServerFinalMessage(utf8(SERVER_FINAL)));
  }

  @Test
  void theKeysAreZeroedWhenTheServerFirstMessageIsRefused() {
    byte[] clientKey = rfcClientKey();
    byte[] serverKey = rfcServerKey();
    ScramSha256Client client = keyClient(clientKey, serverKey, 4096);
    client.clientFirstMessage();
    assertThrows(
        AuthenticationException.class, () -> client.handleServerFirstMessage(utf8("r=x,s=,i=1")));

    assertArrayEquals(new byte[32], clientKey);
    assertArrayEquals(new byte[32], serverKey);
  }

  @Test
  void keysOfAnotherLengthAreRefusedSayingTheLengthOnly() {
    byte[] shortKey = new byte[31];
    Arrays.fill(shortKey, (byte) 'k');
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> ScramCredential.keys(shortKey, rfcServerKey()));
    assertEquals("a SCRAM-SHA-256 ClientKey is 32 bytes, not 31", error.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ScramCredential.keys(rfcClientKey(), new byte[33]));
    assertThrows(NullPointerException.class, () -> ScramCredential.keys(null, rfcServerKey()));
  }

  @Test
  void toStringShowsNoSecret() {
    ScramCredential keys = ScramCredential.keys(rfcClientKey(), rfcServerKey());
    String text = keys.toString();
    assertFalse(text.contains(Base64.getEncoder().encodeToString(rfcClientKey())), text);
    assertEquals("ScramCredential[scram_client_key=********, scram_server_key=********]", text);
    assertEquals(
        "ScramCredential[password=********]", ScramCredential.password("pencil").toString());
    assertEquals("DerivedKeys[********]", keys.keys(RFC_SALT, 4096).toString());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }
}
