package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.errors.NotSupportedError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.fuzz.LongFuzz;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class ConnInfoPropertyTest {

  private static final Environment ENVIRONMENT =
      Environments.with(Map.of("PGHOST", "envhost", "PGPORT", "1234", "PGSSLMODE", "require"));

  /** libpq quoting: wrap in single quotes, backslash before every quote and backslash. */
  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** RFC 3986 percent-encoding of every byte outside the unreserved set. */
  static String percentEncode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  @Property(tries = 500)
  void quotedValuesRoundTrip(@ForAll("values") String value) {
    ConnectionSettings settings =
        ConnInfo.parse(
            "application_name = "
                + quote(value)
                + " password="
                + quote(value)
                + " dbname="
                + quote(value),
            ENVIRONMENT);
    assertEquals(value, settings.applicationName());
    assertEquals(value, settings.password().reveal());
    assertEquals(value, settings.database());
  }

  @Property(tries = 500)
  void percentEncodedUriPartsRoundTrip(@ForAll("values") String value) {
    // A lone surrogate has no UTF-8 form, so no URI can carry it.
    Assume.that(StandardCharsets.UTF_8.newEncoder().canEncode(value));
    ConnectionSettings settings =
        ConnInfo.parse(
            "postgresql://"
                + percentEncode(value)
                + ":"
                + percentEncode(value)
                + "@h/"
                + percentEncode(value)
                + "?options="
                + percentEncode(value),
            ENVIRONMENT);
    assertEquals(value, settings.user());
    assertEquals(value, settings.password().reveal());
    assertEquals(value, settings.database());
    assertEquals(value, settings.options());
  }

  @Property(tries = 2000)
  void arbitraryStringsFailOnlyWithDriverErrors(@ForAll @StringLength(max = 80) String text) {
    parseExpectingOnlyDriverErrors(text);
  }

  @Property(tries = 3000)
  void connectionStringLikeTextFailsOnlyWithDriverErrors(
      @ForAll("connectionStringLike") String text) {
    parseExpectingOnlyDriverErrors(text);
  }

  /** The long mode: {@code -Dtusk.fuzz.tries=10000000}; see {@link LongFuzz}. */
  @Example
  void longFuzz() {
    LongFuzz.run(
        "conninfo parser",
        Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80), connectionStringLike()),
        ConnInfoPropertyTest::parseExpectingOnlyDriverErrors);
  }

  private static void parseExpectingOnlyDriverErrors(String text) {
    try {
      ConnInfo.parse(text, ENVIRONMENT);
    } catch (ProgrammingError | NotSupportedError expected) {
      // The only failures allowed.
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings()
        .all()
        .ofMinLength(1)
        .ofMaxLength(40)
        .filter(v -> v.indexOf('\0') < 0)
        .edgeCases(edges -> edges.add("'").add("\\").add("\\'").add(" ").add("a b"));
  }

  @Provide
  Arbitrary<String> connectionStringLike() {
    List<String> pieces =
        List.of(
            "postgresql://",
            "postgres://",
            "host",
            "hostaddr",
            "port",
            "dbname",
            "user",
            "password",
            "sslmode",
            "gssencmode",
            "connect_timeout",
            "target_session_attrs",
            "=",
            "'",
            "\\",
            " ",
            ",",
            ":",
            "@",
            "/",
            "?",
            "&",
            "[",
            "]",
            "%",
            "%2F",
            "%zz",
            "%C3",
            "::1",
            "1.2.3.4",
            "5432",
            "0",
            "99999",
            "-1",
            "localhost",
            "require",
            "disable",
            "x",
            "\0",
            "é",
            "\t");
    return Arbitraries.of(pieces).list().ofMaxSize(14).map(list -> String.join("", list));
  }
}
