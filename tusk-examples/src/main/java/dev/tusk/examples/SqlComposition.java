package dev.tusk.examples;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.sql.Composable;
import dev.tusk.sql.Identifier;
import dev.tusk.sql.Literal;
import dev.tusk.sql.Placeholder;
import dev.tusk.sql.SQL;
import java.time.LocalDate;
import java.util.List;

/**
 * docs/sql.md's example: a table and columns named at run time with {@code dev.tusk.sql}, values
 * still bound on the server, and the client cursor for statements that take no parameters.
 *
 * <p>{@code mvn -q -pl tusk-examples -am package -DskipTests exec:exec
 * -Dexample=dev.tusk.examples.SqlComposition}
 */
public final class SqlComposition {

  private SqlComposition() {}

  public static void main(String[] args) {
    String url = ExampleDatabase.url();
    try (Connection conn = Tusk.connect(url)) {
      String table = "Pets of 2025"; // from configuration, say: any text is a safe name
      List<String> columns = List.of("name", "born");

      conn.execute(
          SQL.of("CREATE TEMP TABLE {} ({} text, {} date DEFAULT {})")
              .format(
                  Identifier.of(table),
                  Identifier.of(columns.get(0)),
                  Identifier.of(columns.get(1)),
                  Literal.of(LocalDate.of(2025, 1, 1))));

      Composable insert =
          SQL.of("INSERT INTO {} ({}) VALUES ({})")
              .format(
                  Identifier.of(table),
                  SQL.of(", ").join(columns.stream().map(Identifier::of).toList()),
                  SQL.of(", ").join(Placeholder.of(1), Placeholder.of(2)));
      System.out.println("runs: " + insert.asString(conn));
      conn.execute(insert, "Tusk", LocalDate.of(2024, 5, 1)); // values bound on the server
      conn.execute(insert, "O'Hara; DROP TABLE x --", null);

      Composable select =
          SQL.of("SELECT {fields} FROM {table} ORDER BY {order}")
              .format(
                  java.util.Map.of(
                      "fields", SQL.of(", ").join(columns.stream().map(Identifier::of).toList()),
                      "table", Identifier.of(table),
                      "order", Identifier.of("name")));
      for (Row row : conn.execute(select)) {
        System.out.println(row.getString(0) + " born " + row.get(1));
      }

      // SET takes no parameters: the client cursor writes the value in as a quoted literal.
      Cursor<Row> client = conn.clientCursor();
      client.execute("SET application_name = $1", "pets report: 'weekly'");
      System.out.println(
          "application_name = " + conn.execute("SHOW application_name").fetchOne().getString(0));
    }
  }
}
