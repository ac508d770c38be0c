package dev.tusk.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

  private static Diagnostic uniqueViolation() {
    Map<Character, String> fields = new LinkedHashMap<>();
    fields.put('S', "ERREUR");
    fields.put('V', "ERROR");
    fields.put('C', "23505");
    fields.put('M', "duplicate key value violates unique constraint \"users_pkey\"");
    fields.put('D', "Key (id)=(1) already exists.");
    fields.put('H', "Pick another id.");
    fields.put('P', "15");
    fields.put('p', "3");
    fields.put('q', "SELECT 1");
    fields.put('W', "SQL function \"f\"");
    fields.put('s', "public");
    fields.put('t', "users");
    fields.put('c', "id");
    fields.put('d', "int4");
    fields.put('n', "users_pkey");
    fields.put('F', "nbtinsert.c");
    fields.put('L', "666");
    fields.put('R', "_bt_check_unique");
    return Diagnostic.of(fields);
  }

  @Test
  void namesEveryDocumentedField() {
    Diagnostic diagnostic = uniqueViolation();
    assertEquals("ERREUR", diagnostic.severity());
    assertEquals("ERROR", diagnostic.severityNonLocalized());
    assertEquals("23505", diagnostic.sqlState());
    assertEquals(
        "duplicate key value violates unique constraint \"users_pkey\"",
        diagnostic.messagePrimary());
    assertEquals("Key (id)=(1) already exists.", diagnostic.messageDetail());
    assertEquals("Pick another id.", diagnostic.messageHint());
    assertEquals(15, diagnostic.statementPosition());
    assertEquals(3, diagnostic.internalPosition());
    assertEquals("SELECT 1", diagnostic.internalQuery());
    assertEquals("SQL function \"f\"", diagnostic.context());
    assertEquals("public", diagnostic.schemaName());
    assertEquals("users", diagnostic.tableName());
    assertEquals("id", diagnostic.columnName());
    assertEquals("int4", diagnostic.dataTypeName());
    assertEquals("users_pkey", diagnostic.constraintName());
    assertEquals("nbtinsert.c", diagnostic.sourceFile());
    assertEquals("666", diagnostic.sourceLine());
    assertEquals("_bt_check_unique", diagnostic.sourceFunction());
    assertEquals("users", diagnostic.field('t'));
    assertNull(diagnostic.field('Z'));
  }

  @Test
  void describesSeverityMessageSqlStateDetailAndHint() {
    assertEquals(
        """
        ERROR: duplicate key value violates unique constraint "users_pkey" (SQLSTATE 23505)
        DETAIL: Key (id)=(1) already exists.
        HINT: Pick another id.""",
        uniqueViolation().describe());
    assertEquals(uniqueViolation().describe(), uniqueViolation().toString());
  }

  @Test
  void describeFallsBackToTheLocalizedSeverityAndSkipsAbsentFields() {
    Diagnostic diagnostic = Diagnostic.of(Map.of('S', "FATAL", 'M', "terminating connection"));
    assertEquals("FATAL: terminating connection", diagnostic.describe());
    assertEquals("", Diagnostic.of(Map.of()).describe());
  }

  @Test
  void keepsFieldsInArrivalOrderAndImmutable() {
    Map<Character, String> source = new LinkedHashMap<>();
    source.put('M', "m");
    source.put('C', "42P01");
    source.put('S', "ERROR");
    Diagnostic diagnostic = Diagnostic.of(source);
    source.put('D', "changed later");

    assertEquals(List.of('M', 'C', 'S'), List.copyOf(diagnostic.fields().keySet()));
    assertNull(diagnostic.messageDetail());
    assertThrows(UnsupportedOperationException.class, () -> diagnostic.fields().put('H', "h"));
  }

  @Test
  void clientDiagnosticsHaveTheServersFieldsButAreVisiblyTheDrivers() {
    Diagnostic diagnostic = Diagnostic.client("08006", "connection lost");
    assertEquals("ERROR", diagnostic.severity());
    assertEquals("ERROR", diagnostic.severityNonLocalized());
    assertEquals("08006", diagnostic.sqlState());
    assertFalse(diagnostic.fromServer());
    assertEquals("tusk: connection lost [SQLSTATE 08006]", diagnostic.describe());
    assertEquals(diagnostic.describe(), new ConnectionFailure(diagnostic).getMessage());

    Diagnostic bare = Diagnostic.client(null, null);
    assertNull(bare.sqlState());
    assertEquals("", bare.messagePrimary());
    assertEquals("tusk: ", bare.describe());
  }

  @Test
  void errorsSerializeWithTheirDiagnostic() throws Exception {
    UniqueViolation error =
        new UniqueViolation(Diagnostic.of(Map.of('C', "23505", 'M', "duplicate", 'n', "pk")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(error);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      UniqueViolation copy = (UniqueViolation) in.readObject();
      assertEquals("pk", copy.diagnostic().constraintName());
      assertEquals(error.getMessage(), copy.getMessage());
      assertTrue(copy.diagnostic().fromServer());
    }
  }

  @Test
  void serverDiagnosticsKeepTheServersSeverity() {
    Diagnostic server = Diagnostic.of(Map.of('S', "ERROR", 'C', "08006", 'M', "connection lost"));
    assertTrue(server.fromServer());
    assertEquals("ERROR: connection lost (SQLSTATE 08006)", server.describe());
  }

  @Property
  void positionsAreNumbersOrNull(@ForAll String value) {
    Diagnostic diagnostic = Diagnostic.of(Map.of('P', value, 'p', value));
    Integer expected;
    try {
      expected = Integer.valueOf(value);
    } catch (NumberFormatException notANumber) {
      expected = null;
    }
    assertEquals(expected, diagnostic.statementPosition());
    assertEquals(expected, diagnostic.internalPosition());
  }
}
