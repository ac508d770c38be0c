package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConninfoTest {

  @Property
  void formattedPairsParseBackToTheSameMap(@ForAll("conninfos") Map<String, String> params) {
    assertEquals(params, Conninfo.parse(Conninfo.format(params)));
  }

  @Provide
  Arbitrary<Map<String, String>> conninfos() {
    Arbitrary<String> keys =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> values = Arbitraries.strings().all().ofMaxLength(20);
    return Arbitraries.maps(keys, values).ofMaxSize(6).map(LinkedHashMap::new);
  }

  @Test
  void valuesThatNeedItAreQuoted() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("host", "localhost");
    params.put("options", "-c search_path=it's");
    params.put("password", "");
    assertEquals(
        "host=localhost options='-c search_path=it\\'s' password=''", Conninfo.format(params));
  }

  @Test
  void pairsMayHaveSpacesAroundTheEqualsSign() {
    assertEquals(
        Map.of("host", "db", "port", "5433", "options", "-c a=b"),
        Conninfo.parse("  host = db port=5433\toptions= '-c a=b'  "));
  }

  @Test
  void uriPartsBecomeKeywords() {
    assertEquals(
        Map.of(
            "user", "su",
            "password", "p@ss:w+rd",
            "host", "::1",
            "port", "5433",
            "dbname", "my db",
            "sslmode", "disable",
            "application_name", "a b"),
        Conninfo.parse(
            "postgresql://su:p%40ss%3aw+rd@[::1]:5433/my%20db?sslmode=disable&application_name=a%20b"));
  }

  @Test
  void shortUriFormsLeaveKeywordsOut() {
    assertEquals(Map.of("host", "localhost"), Conninfo.parse("postgres://localhost"));
    assertEquals(Map.of(), Conninfo.parse("postgresql://"));
    assertEquals(
        Map.of("user", "me", "host", "h", "dbname", "d"), Conninfo.parse("postgresql://me@h/d"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://u:secret%zz@h",
        "postgresql://u:secret%4@h",
        "postgresql://u:secret@h1,h2",
        "postgresql://u:secret@[::1",
        "postgresql://u:secret@h/?secret",
        "password='secret",
        "password secret",
      })
  void malformedStringsAreRejectedWithoutEchoingThem(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Conninfo.parse(text));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }
}
