package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autocommit, commit and rollback, isolation, read-only, savepoints, and errors by SQLSTATE. */
@TuskTest
class TransactionTest {

  private TestSchema schema;
  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    this.schema = schema;
    connection = JdbcTarget.connect(schema);
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS account; CREATE TABLE account (id int PRIMARY KEY)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private int rowsSeenByAnotherConnection() throws SQLException {
    try (Connection other = JdbcTarget.connect(schema);
        ResultSet rs = other.createStatement().executeQuery("SELECT count(*) FROM account")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private void insert(int id) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO account VALUES (" + id + ")");
    }
  }

  @Test
  void autocommitIsOnByDefault() throws SQLException {
    assertTrue(connection.getAutoCommit());
    insert(1);
    assertEquals(1, rowsSeenByAnotherConnection());
    assertEquals("25000", assertThrows(SQLException.class, connection::commit).getSQLState());
  }

  @Test
  void commitAndRollback() throws SQLException {
    connection.setAutoCommit(false);
    insert(1);
    assertEquals(0, rowsSeenByAnotherConnection());
    connection.commit();
    assertEquals(1, rowsSeenByAnotherConnection());
    insert(2);
    connection.rollback();
    assertEquals(1, rowsSeenByAnotherConnection());
  }

  @Test
  void switchingAutocommitOnCommits() throws SQLException {
    connection.setAutoCommit(false);
    insert(1);
    connection.setAutoCommit(true);
    assertEquals(1, rowsSeenByAnotherConnection());
  }

  @Test
  void savepoints() throws SQLException {
    connection.setAutoCommit(false);
    insert(1);
    Savepoint savepoint = connection.setSavepoint("before two");
    insert(2);
    connection.rollback(savepoint);
    Savepoint unnamed = connection.setSavepoint();
    insert(3);
    connection.releaseSavepoint(unnamed);
    connection.commit();
    try (ResultSet rs =
        connection
            .createStatement()
            .executeQuery("SELECT string_agg(id::text, ',' ORDER BY id) FROM account")) {
      rs.next();
      assertEquals("1,3", rs.getString(1));
    }
    assertEquals("before two", savepoint.getSavepointName());
    assertThrows(SQLException.class, savepoint::getSavepointId);
  }

  @Test
  void isolationLevelAppliesToTheNextTransaction() throws SQLException {
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    assertEquals(Connection.TRANSACTION_SERIALIZABLE, connection.getTransactionIsolation());
    try (ResultSet rs = connection.createStatement().executeQuery("SHOW transaction_isolation")) {
      rs.next();
      assertEquals("serializable", rs.getString(1));
    }
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
    assertEquals("25001", e.getSQLState());
    connection.rollback();
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try (ResultSet rs = connection.createStatement().executeQuery("SHOW transaction_isolation")) {
      rs.next();
      assertEquals("repeatable read", rs.getString(1));
    }
    connection.rollback();
  }

  @Test
  void readOnlyRefusesWrites() throws SQLException {
    connection.setReadOnly(true);
    assertTrue(connection.isReadOnly());
    SQLException e = assertThrows(SQLException.class, () -> insert(1));
    assertEquals("25006", e.getSQLState());
    connection.setReadOnly(false);
    insert(1);
  }

  @Test
  void errorsMapToSqlExceptionSubclassesWithTheTuskCause() throws SQLException {
    insert(1);
    SQLIntegrityConstraintViolationException duplicate =
        assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(1));
    assertEquals("23505", duplicate.getSQLState());
    dev.tusk.errors.UniqueViolation cause =
        assertInstanceOf(dev.tusk.errors.UniqueViolation.class, duplicate.getCause());
    assertEquals("account_pkey", cause.diagnostic().constraintName());
    SQLSyntaxErrorException syntax =
        assertThrows(
            SQLSyntaxErrorException.class, () -> connection.createStatement().execute("SELEC 1"));
    assertEquals("42601", syntax.getSQLState());
    SQLTransactionRollbackException rollback =
        assertThrows(
            SQLTransactionRollbackException.class,
            () ->
                connection
                    .createStatement()
                    .execute(
                        "DO $$ BEGIN RAISE EXCEPTION 'retry me' USING ERRCODE = '40001'; END $$"));
    assertEquals("40001", rollback.getSQLState());
    assertTrue(connection.isValid(1));
  }

  @Test
  void abortClosesTheConnection() throws Exception {
    var executor = Executors.newSingleThreadExecutor();
    try {
      connection.abort(executor);
      assertTrue(connection.isClosed());
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void networkTimeoutBoundsEachStatement() throws SQLException {
    connection.setNetworkTimeout(Runnable::run, 500);
    assertEquals(500, connection.getNetworkTimeout());
    SQLException e =
        assertThrows(
            SQLException.class, () -> connection.createStatement().execute("SELECT pg_sleep(20)"));
    assertEquals("57014", e.getSQLState());
    connection.setNetworkTimeout(Runnable::run, 0);
    assertFalse(connection.isClosed());
  }

  @Test
  void schemaAndCatalog() throws SQLException {
    assertEquals(schema.name(), connection.getSchema());
    connection.setSchema("public");
    assertEquals("public", connection.getSchema());
    assertEquals(
        connection.unwrap(dev.tusk.Connection.class).info().database(), connection.getCatalog());
  }
}
