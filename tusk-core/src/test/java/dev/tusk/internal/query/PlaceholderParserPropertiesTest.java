package dev.tusk.internal.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.fuzz.LongFuzz;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class PlaceholderParserPropertiesTest {

  /** The characters that matter to the lexer, so that generated text often holds them. */
  private static final String LEXICAL = "'\"$:;-/*\\eEU&0159az_[] \n\r\t";

  /** Ways of quoting or commenting out arbitrary text. */
  enum Wrapper {
    STANDARD_STRING {
      @Override
      String wrap(String text) {
        return "'" + text.replace("'", "''") + "'";
      }
    },
    ESCAPE_STRING {
      @Override
      String wrap(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
      }
    },
    DOLLAR_STRING {
      @Override
      String wrap(String text) {
        // A closing delimiter must not appear in the text, nor be completed by the real one.
        String tag = "";
        for (int i = 0; text.contains("$" + tag + "$") || text.endsWith("$" + tag); i++) {
          tag = "q" + i;
        }
        return "$" + tag + "$" + text + "$" + tag + "$";
      }
    },
    QUOTED_IDENTIFIER {
      @Override
      String wrap(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
      }
    },
    LINE_COMMENT {
      @Override
      String wrap(String text) {
        return "-- " + text.replace("\n", " ").replace("\r", " ");
      }
    },
    BLOCK_COMMENT {
      @Override
      String wrap(String text) {
        return "/* " + text.replace("*", "") + " */";
      }
    };

    abstract String wrap(String text);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(LEXICAL).ofMaxLength(40),
        Arbitraries.strings().ofMaxLength(40));
  }

  @Property
  void quotedOrCommentedTextHidesEveryPlaceholder(
      @ForAll("text") String text, @ForAll Wrapper wrapper) {
    String literal = wrapper.wrap(text);
    ParsedSql alone = PlaceholderParser.parse("SELECT " + literal);
    assertEquals("SELECT " + literal, alone.sql());
    assertEquals(0, alone.parameterCount());
    assertEquals(List.of(), alone.parameterNames());

    // The span ends exactly where it should: a placeholder right after it is found.
    ParsedSql followed = PlaceholderParser.parse("SELECT " + literal + "\n, :after");
    assertEquals("SELECT " + literal + "\n, $1", followed.sql());
    assertEquals(List.of("after"), followed.parameterNames());
  }

  /** A piece of a generated statement: literal text, or a placeholder when {@code name} is set. */
  record Piece(String text, String name) {}

  @Provide
  Arbitrary<List<Piece>> statement() {
    Arbitrary<Piece> fragment =
        Arbitraries.of(
                "SELECT",
                "x",
                "1",
                "+",
                ",",
                "(",
                ")",
                ";",
                "'it''s :no $1'",
                "E'\\' :no $1'",
                "U&'\\0061 :no'",
                "$$ :no $1 $$",
                "$t$ $$ :no $t$",
                "/* :no /* $1 */ */",
                "-- :no $1\n",
                "\"col :no\"",
                "x::text",
                "arr[1:n]",
                "arr[i:j]",
                "a$b",
                "a$1")
            .map(text -> new Piece(text, null));
    Arbitrary<Piece> placeholder =
        Arbitraries.of("a", "b", "id", "_x", "name2", "ü", "c$d")
            .map(name -> new Piece(":" + name, name));
    return Arbitraries.frequencyOf(Tuple.of(3, fragment), Tuple.of(1, placeholder))
        .list()
        .ofMaxSize(30);
  }

  @Property
  void namedPlaceholdersAreNumberedByFirstAppearance(@ForAll("statement") List<Piece> pieces) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<String> source = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (Piece piece : pieces) {
      source.add(piece.text());
      if (piece.name() == null) {
        expected.add(piece.text());
      } else {
        int number = numbers.computeIfAbsent(piece.name(), name -> numbers.size() + 1);
        expected.add("$" + number);
      }
    }
    ParsedSql parsed = PlaceholderParser.parse(String.join(" ", source));
    assertEquals(String.join(" ", expected), parsed.sql());
    assertEquals(List.copyOf(numbers.keySet()), parsed.parameterNames());
    assertEquals(numbers.size(), parsed.parameterCount());
  }

  @Provide
  Arbitrary<String> anything() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(LEXICAL).ofMaxLength(80),
        Arbitraries.strings().ofMaxLength(80));
  }

  @Property
  void parseFailsOnlyWithProgrammingError(@ForAll("anything") String sql) {
    checkParse(sql);
  }

  /** Statements of meaningful pieces, one of whose characters is then changed or cut. */
  @Property(tries = 2000)
  void mutatedStatementsFailOnlyWithProgrammingError(@ForAll("mutatedStatements") String sql) {
    checkParse(sql);
  }

  /** The long mode: {@code -Dtusk.fuzz.tries=10000000}; see {@link LongFuzz}. */
  @Example
  void longFuzz() {
    LongFuzz.run(
        "placeholder parser",
        Arbitraries.oneOf(anything(), mutatedStatements()),
        PlaceholderParserPropertiesTest::checkParse);
  }

  @Provide
  Arbitrary<String> mutatedStatements() {
    return Combinators.combine(
            statement().map(pieces -> String.join(" ", pieces.stream().map(Piece::text).toList())),
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.chars().with(LEXICAL.toCharArray()),
            Arbitraries.of(true, false))
        .as(
            (sql, where, replacement, cut) -> {
              if (sql.isEmpty()) {
                return sql;
              }
              int index = where % sql.length();
              return cut
                  ? sql.substring(0, index)
                  : sql.substring(0, index) + replacement + sql.substring(index + 1);
            });
  }

  /** Parsing fails only with ProgrammingError, and what it sends reads back the same. */
  private static void checkParse(String sql) {
    ParsedSql parsed;
    try {
      parsed = PlaceholderParser.parse(sql);
    } catch (ProgrammingError expected) {
      return;
    }
    if (sql.indexOf(':') < 0) {
      assertEquals(sql, parsed.sql());
    }
    // What is sent reads back as the same positional statement.
    ParsedSql again = PlaceholderParser.parse(parsed.sql());
    assertEquals(parsed.sql(), again.sql());
    assertEquals(parsed.parameterCount(), again.parameterCount());
    assertEquals(parsed.hasMultipleStatements(), again.hasMultipleStatements());
    assertFalse(again.isNamed());
  }
}
