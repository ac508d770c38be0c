package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Tusk connections {@link TuskExtension} hands out. Needs a working Tusk engine: every test
 * here opens a connection through {@code Tusk.connect}.
 */
@TuskTest
class TuskExtensionTest {

  private static final List<Connection> PROBED = new CopyOnWriteArrayList<>();

  private final Connection fromConstructor;

  TuskExtensionTest(Connection connection) {
    this.fromConstructor = connection;
  }

  @BeforeEach
  void forgetEarlierProbes() {
    PROBED.clear();
  }

  private static Object value(Connection connection, String sql, Object... params) {
    return connection.execute(sql, params).fetchOne().get(0);
  }

  @Test
  void connectionSearchesOnlyTheClassSchema(Connection connection, TestSchema schema) {
    assertEquals(schema.name(), value(connection, "SHOW search_path"));
  }

  @Test
  void connectionIsTheSuperuserOnTheSharedServer(Connection connection, PostgresServer server) {
    assertFalse(connection.closed());
    assertEquals(server.superuser(), connection.info().user());
    assertEquals(server.port(), connection.info().port());
    assertEquals(server.serverVersionNum(), connection.info().serverVersion());
  }

  @Test
  void newTablesLandInTheClassSchema(Connection connection, TestSchema schema) throws SQLException {
    connection.execute("CREATE TABLE made_by_tusk (id int)");
    assertEquals(
        List.of(schema.name()),
        Jdbc.column("SELECT schemaname FROM pg_tables WHERE tablename = 'made_by_tusk'"));
  }

  @Test
  void constructorAndMethodGetDistinctOpenConnections(Connection connection) {
    assertNotSame(fromConstructor, connection);
    assertFalse(fromConstructor.closed());
    assertFalse(connection.closed());
  }

  @TuskTest
  static class PerMethodProbe {
    PerMethodProbe(Connection connection) {
      PROBED.add(connection);
    }

    @Test
    void first(Connection connection) {
      PROBED.add(connection);
    }

    @Test
    void second(Connection connection) {
      PROBED.add(connection);
    }
  }

  @Test
  void everyTestGetsNewConnectionsClosedAfterIt() {
    Probes.run(PerMethodProbe.class, tests -> tests.succeeded(2));
    assertEquals(4, PROBED.size());
    assertEquals(4, PROBED.stream().distinct().count());
    PROBED.forEach(connection -> assertTrue(connection.closed()));
  }

  @TuskTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassProbe {
    private final Connection shared;

    PerClassProbe(Connection connection) {
      shared = connection;
      PROBED.add(connection);
    }

    @Test
    void first() {
      assertFalse(shared.closed());
    }

    @Test
    void second() {
      assertFalse(shared.closed());
    }
  }

  @Test
  void perClassConstructorConnectionLivesUntilTheClassEnds() {
    Probes.run(PerClassProbe.class, tests -> tests.succeeded(2));
    assertEquals(1, PROBED.size());
    assertTrue(PROBED.get(0).closed());
  }

  @TuskTest
  static class TableProbeA {
    @Test
    void ownTable(Connection connection) {
      connection.execute("CREATE TABLE same_name (owner text)");
      connection.execute("INSERT INTO same_name VALUES ('A')");
      assertEquals(
          List.of("A"),
          connection.execute("SELECT owner FROM same_name").fetchAll().stream()
              .map(row -> row.get(0))
              .toList());
    }
  }

  @TuskTest
  static class TableProbeB {
    @Test
    void ownTable(Connection connection) {
      connection.execute("CREATE TABLE same_name (owner text)");
      connection.execute("INSERT INTO same_name VALUES ('B')");
      assertEquals(
          List.of("B"),
          connection.execute("SELECT owner FROM same_name").fetchAll().stream()
              .map(row -> row.get(0))
              .toList());
    }
  }

  @Test
  void classesDoNotSeeEachOthersTables() {
    Probes.run(TableProbeA.class, tests -> tests.succeeded(1));
    Probes.run(TableProbeB.class, tests -> tests.succeeded(1));
  }
}
