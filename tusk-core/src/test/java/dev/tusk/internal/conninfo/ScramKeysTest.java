package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scram_client_key} and {@code scram_server_key}: base64 of 32 bytes each, both or neither,
 * checked before connecting, and never shown.
 */
class ScramKeysTest {

  private static final byte[] CLIENT = filled(0x11);
  private static final byte[] SERVER = filled(0x22);
  private static final String CLIENT_B64 = Base64.getEncoder().encodeToString(CLIENT);
  private static final String SERVER_B64 = Base64.getEncoder().encodeToString(SERVER);

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }

  private static String both(String client, String server) {
    return "scram_client_key=" + client + " scram_server_key=" + server;
  }

  @Test
  void neitherGivenMeansNone() {
    assertNull(parse("user=bob").scramKeys());
    assertNull(parse("scram_client_key='' scram_server_key=''").scramKeys());
  }

  @Test
  void bothAreDecodedFromEitherForm() {
    ScramKeys keys = parse(both(CLIENT_B64, SERVER_B64)).scramKeys();
    assertArrayEquals(CLIENT, keys.clientKey());
    assertArrayEquals(SERVER, keys.serverKey());

    String uri =
        "postgresql://h/db?scram_client_key="
            + CLIENT_B64.replace("=", "%3D")
            + "&scram_server_key="
            + SERVER_B64.replace("=", "%3D");
    assertEquals(keys, parse(uri).scramKeys());
  }

  @Test
  void theKeywordsAreTakenFromAMapAsTheyAre() {
    Map<String, String> keywords = new LinkedHashMap<>();
    keywords.put("scram_client_key", CLIENT_B64);
    keywords.put("scram_server_key", SERVER_B64);
    ScramKeys keys = ConnInfo.fromKeywords(keywords, Environments.empty()).scramKeys();
    assertArrayEquals(SERVER, keys.serverKey());
  }

  @Test
  void theAccessorsGiveCopies() {
    ScramKeys keys = parse(both(CLIENT_B64, SERVER_B64)).scramKeys();
    Arrays.fill(keys.clientKey(), (byte) 0);
    assertArrayEquals(CLIENT, keys.clientKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"scram_client_key", "scram_server_key"})
  void oneWithoutTheOtherIsRefusedBeforeConnecting(String keyword) {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> parse(keyword + "=" + CLIENT_B64));
    assertTrue(
        error.getMessage().startsWith("invalid " + keyword + " in the connection string: "),
        error.getMessage());
    assertTrue(error.getMessage().contains("go together"), error.getMessage());
    assertFalse(error.getMessage().contains(CLIENT_B64), error.getMessage());
  }

  @Test
  void oneWithAPasswordIsStillRefused() {
    // libpq would make the proof from the key and check the server with a ServerKey it never
    // derived, failing every time after sending the proof: Tusk says so before connecting.
    assertThrows(ProgrammingError.class, () -> parse("password=x scram_client_key=" + CLIENT_B64));
  }

  @Test
  void keysAndAPasswordMayBeGivenTogether() {
    ConnectionSettings settings = parse("password=pw " + both(CLIENT_B64, SERVER_B64));
    assertEquals(new Password("pw"), settings.password());
    assertArrayEquals(CLIENT, settings.scramKeys().clientKey());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SecretKey*NotBase64=",
        "SecretKey-NotBase64_AAAAAAAAAAAAAAAAAAAAAAAAA",
        "'SecretKey with spaces'"
      })
  void malformedBase64IsRefusedWithoutEchoingTheValue(String value) {
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> parse(both(value, SERVER_B64)));
    assertTrue(
        error.getMessage().startsWith("invalid scram_client_key in the connection string: "),
        error.getMessage());
    assertFalse(error.getMessage().contains("SecretKey"), error.getMessage());
    assertFalse(String.valueOf(error.getCause()).contains("SecretKey"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 31, 33, 64})
  void aKeyOfAnotherLengthIsRefusedNamingTheLength(int length) {
    byte[] key = new byte[length];
    Arrays.fill(key, (byte) 0x7e);
    String encoded = Base64.getEncoder().encodeToString(key);
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> parse(both(CLIENT_B64, encoded)));
    assertEquals(
        "invalid scram_server_key in the connection string: a SCRAM-SHA-256 key is 32 bytes (44"
            + " base64 characters), but this one decodes to "
            + length,
        error.getMessage());
  }

  @Test
  void settingsToStringAndKeysToStringShowNoKey() {
    ConnectionSettings settings = parse(both(CLIENT_B64, SERVER_B64));
    String text = settings.toString();
    assertFalse(text.contains(CLIENT_B64), text);
    assertFalse(text.contains(SERVER_B64), text);
    assertTrue(text.contains("scramKeys=ScramKeys[********]"), text);
  }

  @Test
  void equalityComparesTheKeys() {
    ScramKeys keys = parse(both(CLIENT_B64, SERVER_B64)).scramKeys();
    assertEquals(keys, parse(both(CLIENT_B64, SERVER_B64)).scramKeys());
    assertNotEquals(keys, parse(both(SERVER_B64, CLIENT_B64)).scramKeys());
    assertEquals(keys.hashCode(), parse(both(SERVER_B64, CLIENT_B64)).scramKeys().hashCode());
  }

  @Test
  void theKeywordsAreSecretsAndSuggestedWhenMisspelt() {
    assertTrue(Keyword.SCRAM_CLIENT_KEY.isSecret());
    assertTrue(Keyword.SCRAM_SERVER_KEY.isSecret());
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> parse("scram_client_keys=" + CLIENT_B64));
    assertTrue(
        error.getMessage().contains("did you mean \"scram_client_key\""), error.getMessage());
  }
}
