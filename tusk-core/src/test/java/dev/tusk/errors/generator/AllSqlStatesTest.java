package dev.tusk.errors.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.SqlStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Every code of errcodes.txt, and any other string, against the compiled {@link SqlStates}. */
class AllSqlStatesTest {

  private static final Path MODULE_DIR = Path.of("");
  private static final List<ErrorClass> PLAN = plan();
  private static final Map<String, ErrorClass> BY_SQL_STATE =
      PLAN.stream().collect(Collectors.toMap(c -> c.code().sqlState(), Function.identity()));

  private static List<ErrorClass> plan() {
    try {
      return ErrorClassPlan.of(
          ErrcodesFile.errors(Files.readAllLines(MODULE_DIR.resolve("src/data/errcodes.txt"))));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  @Test
  void everyCodeMapsToItsOwnClass() throws IOException {
    Map<Path, String> sources = ErrorClassGenerator.generate(MODULE_DIR);
    assertTrue(PLAN.size() > 200, "only " + PLAN.size() + " codes read");
    for (ErrorClass planned : PLAN) {
      String sqlState = planned.code().sqlState();
      DatabaseError error = SqlStates.toException(Diagnostic.client(sqlState, "m"));
      assertEquals(planned.name(), error.getClass().getSimpleName(), sqlState);
      assertEquals(planned.parent(), error.getClass().getSuperclass().getSimpleName(), sqlState);
      String source = sources.get(sourcePath(planned.name()));
      assertTrue(source.contains("String SQLSTATE = \"" + sqlState + "\";"), sqlState);
      assertEquals(DbApiBase.of(planned.code().sqlClass()), dbApiClass(error), sqlState);
    }
  }

  @Property
  void anySqlStateMapsToTheMostSpecificClassKnown(@ForAll("sqlStates") String sqlState) {
    Diagnostic diagnostic = Diagnostic.client(sqlState, "m");
    Throwable cause = new IllegalStateException();

    DatabaseError error = SqlStates.toException(diagnostic, cause);

    assertEquals(expectedClass(sqlState), error.getClass().getSimpleName());
    assertSame(diagnostic, error.diagnostic());
    assertSame(cause, error.getCause());
  }

  /** Known codes, unknown codes in known classes, and arbitrary strings. */
  @Provide
  Arbitrary<String> sqlStates() {
    Arbitrary<String> known = Arbitraries.of(BY_SQL_STATE.keySet());
    Arbitrary<String> subclass =
        Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(3);
    Arbitrary<String> inKnownClass =
        Arbitraries.of(PLAN).flatMap(c -> subclass.map(s -> c.code().sqlClass() + s));
    Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(6);
    return Arbitraries.oneOf(known, inKnownClass, anything);
  }

  private static String expectedClass(String sqlState) {
    if (BY_SQL_STATE.containsKey(sqlState)) {
      return BY_SQL_STATE.get(sqlState).name();
    }
    String sqlClass = sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
    ErrorClass generic = BY_SQL_STATE.get(sqlClass + "000");
    return generic != null ? generic.name() : DbApiBase.of(sqlClass);
  }

  /** The first hand-written class above the error's class. */
  private static String dbApiClass(DatabaseError error) {
    Class<?> type = error.getClass();
    while (!ErrorClassPlan.HAND_WRITTEN.contains(type.getSimpleName())) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
  }

  private static Path sourcePath(String className) {
    return MODULE_DIR.resolve("src/main/java/dev/tusk/errors").resolve(className + ".java");
  }
}
