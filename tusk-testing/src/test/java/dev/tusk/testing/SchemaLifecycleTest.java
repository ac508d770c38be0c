package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** When {@link TuskExtension} creates and drops schemas, seen from outside probe classes. */
class SchemaLifecycleTest {

  /** Schema names the probes saw, with whether the schema existed at that moment. */
  private static final List<String> SEEN = new CopyOnWriteArrayList<>();

  private static void see(TestSchema schema) throws SQLException {
    SEEN.add(schema.name() + (Jdbc.schemaExists(schema.name()) ? " existed" : " missing"));
  }

  private static String name(String sighting) {
    return sighting.substring(0, sighting.indexOf(' '));
  }

  @BeforeEach
  void forgetEarlierProbes() {
    SEEN.clear();
  }

  @TuskTest
  static class Probe {
    @Test
    void first(TestSchema schema) throws SQLException {
      see(schema);
    }

    @Test
    void second(TestSchema schema) throws SQLException {
      see(schema);
    }
  }

  @Test
  void aClassRunsInOneSchemaThatIsDroppedAfterItsLastTest() throws SQLException {
    Probes.run(Probe.class, tests -> tests.succeeded(2));
    assertEquals(2, SEEN.size());
    assertEquals(SEEN.get(0), SEEN.get(1));
    assertTrue(SEEN.get(0).endsWith(" existed"), SEEN.toString());
    assertFalse(Jdbc.schemaExists(name(SEEN.get(0))));
  }

  @Test
  void everyRunOfAClassGetsAFreshSchema() {
    Probes.run(Probe.class, tests -> tests.succeeded(2));
    Probes.run(Probe.class, tests -> tests.succeeded(2));
    assertNotEquals(name(SEEN.get(0)), name(SEEN.get(2)));
  }

  @TuskTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassProbe {
    PerClassProbe(TestSchema schema) throws SQLException {
      see(schema);
    }

    @Test
    void test(TestSchema schema) throws SQLException {
      see(schema);
    }
  }

  @Test
  void perClassConstructorGetsTheSchemaItsTestsUse() throws SQLException {
    Probes.run(PerClassProbe.class, tests -> tests.succeeded(1));
    assertEquals(2, SEEN.size());
    assertEquals(SEEN.get(0), SEEN.get(1));
    assertTrue(SEEN.get(0).endsWith(" existed"), SEEN.toString());
    assertFalse(Jdbc.schemaExists(name(SEEN.get(0))));
  }

  @TuskTest
  static class OuterProbe {
    @Test
    void outer(TestSchema schema) throws SQLException {
      see(schema);
    }

    @Nested
    class InnerProbe {
      @Test
      void inner(TestSchema schema) throws SQLException {
        see(schema);
      }
    }
  }

  @Test
  void nestedClassesShareTheirEnclosingClassSchema() throws SQLException {
    Probes.run(OuterProbe.class, tests -> tests.succeeded(2));
    assertEquals(2, SEEN.size());
    assertEquals(SEEN.get(0), SEEN.get(1));
    assertTrue(SEEN.get(0).endsWith(" existed"), SEEN.toString());
    assertFalse(Jdbc.schemaExists(name(SEEN.get(0))));
  }

  static class MethodProbe {
    @Test
    @ExtendWith(TuskExtension.class)
    void registeredHere(TestSchema schema) throws SQLException {
      see(schema);
    }
  }

  @Test
  void extensionRegisteredOnAMethodDropsItsSchemaAfterThatMethod() throws SQLException {
    Probes.run(MethodProbe.class, tests -> tests.succeeded(1));
    assertTrue(SEEN.get(0).startsWith("tusk_methodprobe_"), SEEN.toString());
    assertTrue(SEEN.get(0).endsWith(" existed"), SEEN.toString());
    assertFalse(Jdbc.schemaExists(name(SEEN.get(0))));
  }
}
