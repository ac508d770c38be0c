package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.TuskException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @Test
  void passwordToStringIsMasked() {
    Password password = new Password("hunter2");
    assertEquals("********", password.toString());
    assertEquals("hunter2", password.reveal());
  }

  @Test
  void passwordEqualityComparesSecretsWithoutHashingThem() {
    assertEquals(new Password("a"), new Password("a"));
    assertNotEquals(new Password("a"), new Password("b"));
    assertNotEquals(new Password("a"), "a");
    assertEquals(new Password("a").hashCode(), new Password("b").hashCode());
  }

  @Test
  void settingsToStringHidesPasswords() {
    ConnectionSettings settings =
        parse("user=bob password=hunter2 sslpassword=keyphrase dbname=app");
    String text = settings.toString();
    assertFalse(text.contains("hunter2"), text);
    assertFalse(text.contains("keyphrase"), text);
    assertEquals(true, text.contains("user=bob"), text);
    assertEquals(true, text.contains("password=********"), text);
  }

  @Test
  void uriWithPasswordAndBadPortDoesNotEchoPassword() {
    var error =
        assertThrows(TuskException.class, () -> parse("postgresql://user:secret@h:70000/db"));
    assertEquals(
        "invalid port \"70000\" in the connection string: expected a number from 1 to 65535",
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://bob:PWxyzzy@h:99999/db",
        "postgresql://bob:PWxyzzy@h:abc/db",
        "postgresql://bob:PWxyzzy@h:0/db",
        "postgresql://bob:PWxyzzy@[::1/db",
        "postgresql://bob:PWxyzzy@h/db?sslmode=bogus",
        "postgresql://bob:PWxyzzy@h/db?bogus=1",
        "postgresql://bob:PW/xyzzy@h/db",
        "postgresql://bob:PW?xyzzy@h/db",
        "postgresql://bob:PWxyzzy%zz@h/db",
        "postgresql://bob:PWxyzzy%C3@h/db",
        "postgresql://bob:PWxyzzy%00@h/db",
        "postgresql://h/db?password=PWxyzzy%zz",
        "postgresql://h/db?password=PW&xyzzy",
        "postgresql://h/db?password=PW&xyzzy=1",
        "postgresql://h/db?password=PW&xyzzy%zz=1",
        "postgresql://h/db?sslpassword=PWxyzzy%ff",
        "postgresql://h/db?oauth_client_secret=PWxyzzy%zz",
        "postgresql://h/db?scram_client_key=PWxyzzy",
        "postgresql://h/db?scram_client_key=PWxyzzy&scram_server_key=PWxyzzy",
        "postgresql://h/db?scram_server_key=PWxyzzy%zz",
        "scram_client_key=PWxyzzy scram_server_key=PWxyzzy",
        "scram_client_key=PW*xyzzy scram_server_key=PWxyzzy",
        "scram_client_key='PWxyzzy",
        "scram_server_key=PW xyzzy",
        "password=PWxyzzy port=0",
        "password=PW xyzzy",
        "password=PW xyzzy=1",
        "password=PW xyzzy host=h",
        "password='PWxyzzy",
        "password=PWxyzzy\\",
        "password='PWxyzzy\0'",
        "sslpassword=PW xyzzy",
        "password=PWxyzzy gsslib=sspi",
        "oauth_client_secret=PW xyzzy",
        "oauth_client_secret='PWxyzzy\0'",
      })
  void errorsNeverContainThePassword(String conninfo) {
    var error = assertThrows(TuskException.class, () -> parse(conninfo));
    assertFalse(error.getMessage().contains("xyzzy"), error.getMessage());
    assertFalse(error.getMessage().contains("PW"), error.getMessage());
    assertFalse(String.valueOf(error.getCause()).contains("xyzzy"));
  }

  @Test
  void environmentPasswordErrorsAreRedacted() {
    Environment environment = Environments.with(Map.of("PGPASSWORD", "sec\0ret"));
    var error = assertThrows(TuskException.class, () -> ConnInfo.parse("", environment));
    assertFalse(error.getMessage().contains("sec"), error.getMessage());
  }
}
