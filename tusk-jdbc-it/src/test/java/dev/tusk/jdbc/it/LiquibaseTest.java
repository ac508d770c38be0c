package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.ResultSet;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/** Liquibase 4 through tusk-jdbc: it recognises PostgreSQL, applies a changelog, and rolls back. */
@TuskTest
class LiquibaseTest {

  @Test
  void updateStatusAndRollback(TestSchema schema) throws Exception {
    try (Connection connection = JdbcTarget.connect(schema)) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      assertTrue(database instanceof PostgresDatabase, database.getClass().getName());
      database.setDefaultSchemaName(schema.name());
      try (Liquibase liquibase =
          new Liquibase("liquibase/changelog.xml", new ClassLoaderResourceAccessor(), database)) {
        liquibase.update("");
        assertTrue(liquibase.listUnrunChangeSets(null, null).isEmpty());
        try (ResultSet rs =
            connection.createStatement().executeQuery("SELECT shelf_count(), count(*) FROM jar")) {
          rs.next();
          assertEquals(1, rs.getLong(1));
          assertEquals(0, rs.getLong(2));
        }
        try (ResultSet rs =
            connection.createStatement().executeQuery("SELECT count(*) FROM databasechangelog")) {
          rs.next();
          assertEquals(3, rs.getInt(1));
        }
        liquibase.rollback(1, "");
        assertEquals(1, liquibase.listUnrunChangeSets(null, null).size());
        try (ResultSet rs =
            connection
                .createStatement()
                .executeQuery("SELECT to_regproc('" + schema.name() + ".shelf_count') IS NULL")) {
          rs.next();
          assertTrue(rs.getBoolean(1));
        }
      }
    }
  }
}
