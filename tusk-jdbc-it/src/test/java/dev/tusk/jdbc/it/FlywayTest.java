package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

/** Flyway migrating through tusk-jdbc: PL/pgSQL $$ bodies, a repeatable migration, info, clean. */
@TuskTest
class FlywayTest {

  @Test
  void migrateInfoAndClean(TestSchema schema, PostgresServer server) throws SQLException {
    String flywaySchema = schema.name() + "_fw";
    var dataSource = JdbcTarget.dataSource(schema);
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(flywaySchema)
            .locations("classpath:flyway")
            .cleanDisabled(false)
            .load();
    assertEquals(3, flyway.migrate().migrationsExecuted);

    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT "
                        + flywaySchema
                        + ".greet(name) FROM "
                        + flywaySchema
                        + ".person ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals("hello, Ada?", rs.getString(1));
    }

    int scripts = 0;
    for (MigrationInfo info : flyway.info().applied()) {
      if (info.getScript().endsWith(".sql")) { // the others are Flyway's schema-creation marker
        assertEquals(MigrationState.SUCCESS, info.getState(), info.getScript());
        scripts++;
      }
    }
    assertEquals(3, scripts);
    assertEquals(0, flyway.migrate().migrationsExecuted);

    flyway.clean();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_namespace WHERE nspname = '" + flywaySchema + "'")) {
      rs.next();
      // Flyway drops a schema it created itself.
      assertEquals(0, rs.getInt(1));
    }
    assertFalse(flyway.info().current() != null && flyway.info().current().getState().isApplied());
  }
}
