package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordValueFormTest {

  @Test
  void emptyStringGivesAllDefaults() {
    ConnectionSettings settings = parse("");
    assertEquals(List.of(new HostPort("localhost", 5432)), settings.hosts());
    assertEquals("alice", settings.user());
    assertEquals("alice", settings.database());
    assertNull(settings.password());
  }

  @Test
  void whitespaceOnlyStringGivesDefaults() {
    assertEquals("alice", parse(" \t\n ").user());
  }

  @Test
  void readsSeveralSettings() {
    ConnectionSettings settings = parse("host=db.example.com port=6432 dbname=app user=bob");
    assertEquals(List.of(new HostPort("db.example.com", 6432)), settings.hosts());
    assertEquals("app", settings.database());
    assertEquals("bob", settings.user());
  }

  @Test
  void allowsWhitespaceAroundEquals() {
    ConnectionSettings settings = parse("  dbname =  app\tuser\n=\r\nbob  ");
    assertEquals("app", settings.database());
    assertEquals("bob", settings.user());
  }

  @Test
  void quotedValuesMayContainSpacesAndEquals() {
    assertEquals("my app = 1", parse("application_name='my app = 1'").applicationName());
  }

  @Test
  void quotedValuesUnescapeQuoteAndBackslash() {
    assertEquals("it's a \\ path", parse("password='it\\'s a \\\\ path'").password().reveal());
  }

  @Test
  void bareValuesUnescapeToo() {
    assertEquals("a b'c", parse("application_name=a\\ b\\'c").applicationName());
  }

  @Test
  void quoteInsideBareValueIsLiteral() {
    assertEquals("o'neil", parse("user=o'neil").user());
  }

  @Test
  void nextSettingMayFollowClosingQuoteDirectly() {
    ConnectionSettings settings = parse("user='bob'dbname=app");
    assertEquals("bob", settings.user());
    assertEquals("app", settings.database());
  }

  @Test
  void emptyQuotedValueMeansDefault() {
    assertEquals("alice", parse("user=''").user());
  }

  @Test
  void valueMissingAtEndMeansDefault() {
    assertEquals("alice", parse("user=").user());
  }

  @Test
  void laterSettingWins() {
    assertEquals("second", parse("dbname=first dbname=second").database());
  }

  @Test
  void unicodeValuesSurvive() {
    assertEquals("données ☃ 🐘", parse("dbname='données ☃ 🐘'").database());
  }

  @Test
  void missingEqualsIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("host localhost"));
    assertEquals("missing \"=\" after \"host\" in the connection string", error.getMessage());
  }

  @Test
  void keywordWithoutEqualsAtEndIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("dbname=app host"));
    assertTrue(error.getMessage().contains("after \"host\""), error.getMessage());
  }

  @Test
  void missingKeywordIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("dbname=app =x"));
    assertTrue(error.getMessage().startsWith("missing option name"), error.getMessage());
  }

  @Test
  void unterminatedQuoteIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("dbname='app"));
    assertEquals(
        "unterminated quoted value for dbname in the connection string", error.getMessage());
  }

  @Test
  void escapedClosingQuoteDoesNotTerminate() {
    assertThrows(ProgrammingError.class, () -> parse("dbname='app\\'"));
  }

  @Test
  void loneTrailingBackslashIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("dbname=app\\"));
    assertTrue(error.getMessage().contains("lone backslash"), error.getMessage());
  }

  @Test
  void nulCharacterIsRejected() {
    var error = assertThrows(ProgrammingError.class, () -> parse("dbname='a\0b'"));
    assertTrue(error.getMessage().contains("NUL"), error.getMessage());
  }

  @Test
  void stringLookingLikeUriWithOtherSchemeIsKeywordForm() {
    var error = assertThrows(ProgrammingError.class, () -> parse("mysql://host/db"));
    assertEquals(
        "missing \"=\" after \"mysql://host/db\" in the connection string", error.getMessage());
  }
}
