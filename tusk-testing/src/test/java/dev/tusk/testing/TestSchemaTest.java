package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@TuskTest
class TestSchemaTest {

  private static TestSchema fromBeforeAll;

  @BeforeAll
  static void remember(TestSchema schema) {
    fromBeforeAll = schema;
  }

  @Test
  void schemaIsNamedAfterTheClassAndExists(TestSchema schema) throws SQLException {
    assertTrue(schema.name().matches("tusk_testschematest_[0-9a-f]{8}"), schema.name());
    assertTrue(Jdbc.schemaExists(schema.name()));
  }

  @Test
  void everyTestOfTheClassSharesTheSchema(TestSchema schema) {
    assertSame(fromBeforeAll, schema);
  }

  @Test
  void serverParameterIsTheSharedServer(PostgresServer server) {
    assertSame(PostgresServer.get(), server);
  }

  @Test
  void roleConninfoPutsNewTablesInTheSchema(TestSchema schema) throws SQLException {
    Endpoint endpoint = Endpoint.parse(schema.conninfo(TestRole.SCRAM));
    try (Connection connection =
            endpoint.jdbc(endpoint.superuser(), endpoint.superuserPassword(), endpoint.database());
        Statement statement = connection.createStatement()) {
      assertEquals(List.of(schema.name()), Jdbc.column(connection, "SHOW search_path"));
      statement.execute("CREATE TABLE made_by_scram (id int)");
    }
    assertEquals(
        List.of(schema.name()),
        Jdbc.column("SELECT schemaname FROM pg_tables WHERE tablename = 'made_by_scram'"));
  }

  @Test
  void superuserConninfoSetsTheSearchPath(TestSchema schema) {
    assertEquals(
        "-c search_path=" + schema.name(), Conninfo.parse(schema.conninfo()).get("options"));
  }

  static class AVeryLongTestClassNameThatWouldNotFitIntoAPostgresIdentifierWithoutShortening {}

  static class Ünïcode {}

  @Test
  void namesFitInAnIdentifierAndUseOnlyPlainCharacters() {
    String longName =
        TestSchema.nameFor(
            AVeryLongTestClassNameThatWouldNotFitIntoAPostgresIdentifierWithoutShortening.class,
            "0123abcd");
    assertEquals(63, longName.length());
    assertTrue(longName.startsWith("tusk_averylongtestclassname"), longName);
    assertTrue(longName.endsWith("_0123abcd"), longName);
    assertEquals("tusk__n_code_0123abcd", TestSchema.nameFor(Ünïcode.class, "0123abcd"));
  }
}
