package dev.tusk.internal.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any strings, NULLs among them, survive text and CSV with any delimiter and NULL marker: the
 * escaping and quoting never let a value turn into another, into NULL, or spill into a neighbour.
 */
class TextRoundTripProperties {

  @Property(tries = 300)
  void textRows(@ForAll("rows") List<String> values, @ForAll("textOptions") String options) {
    boolean emptyIsNull = options.contains("NULL ''");
    Object[] row =
        values.stream().map(v -> emptyIsNull && "".equals(v) ? "x" : v).toArray(Object[]::new);
    assertArrayEquals(row, RoundTripTest.roundTrip(options, row));
  }

  @Property(tries = 300)
  void csvRows(@ForAll("rows") List<String> values, @ForAll("csvOptions") String options) {
    Object[] row = values.toArray();
    assertArrayEquals(row, RoundTripTest.roundTrip(options, row));
  }

  @Provide
  Arbitrary<List<String>> rows() {
    Arbitrary<String> tricky =
        Arbitraries.strings()
            .withChars("\t\n\r\\,;|\"'N.x ")
            .withCharRange('\u00e0', '\u00ff')
            .withChars('日', '\uD83D')
            .ofMaxLength(8)
            .filter(s -> !hasLoneSurrogate(s));
    Arbitrary<String> any =
        Arbitraries.strings()
            .all()
            .ofMaxLength(12)
            .filter(s -> s.indexOf('\0') < 0)
            .filter(s -> !hasLoneSurrogate(s));
    Arbitrary<String> markers = Arbitraries.of("", "\\N", "NULL", "\\.", "x", "\\");
    return Arbitraries.oneOf(tricky, any, markers)
        .injectNull(0.15)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  @Provide
  Arbitrary<String> textOptions() {
    return Combinators.combine(
            Arbitraries.of("E'\\t'", "','", "'|'", "';'", "' '"),
            Arbitraries.of("'\\N'", "''", "'NULL'", "'x'", "'\\\\'"))
        .as((delimiter, nul) -> "(FORMAT text, DELIMITER " + delimiter + ", NULL " + nul + ")");
  }

  @Provide
  Arbitrary<String> csvOptions() {
    return Combinators.combine(
            Arbitraries.of("','", "'|'", "';'", "E'\\t'"),
            Arbitraries.of("''", "'NULL'", "'x'", "'\\N'"),
            Arbitraries.of("QUOTE '\"'", "QUOTE ''''", "QUOTE '\"', ESCAPE '\\'"))
        .as(
            (delimiter, nul, quote) ->
                "(FORMAT csv, DELIMITER " + delimiter + ", NULL " + nul + ", " + quote + ")");
  }
}
