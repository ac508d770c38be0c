package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.Column;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column type OIDs a connection keeps for the last column list its result sets had. */
class ColumnTypesTest {

  private static Column column(String name, int oid, String type) {
    return new Column(name, oid, type, -1, 0, 0);
  }

  private final List<Column> account =
      List.of(column("id", 20, "int8"), column("name", 25, "text"));

  @Test
  void theSameColumnListGetsTheSameArray() {
    ColumnTypes types = new ColumnTypes();
    int[] first = types.oids(account);
    assertArrayEquals(new int[] {20, 25}, first);
    assertSame(first, types.oids(account));
  }

  @Test
  void anotherColumnListGetsItsOwnTypes() {
    ColumnTypes types = new ColumnTypes();
    int[] accounts = types.oids(account);
    // Equal names, other types: a statement whose table changed type gets another list from Tusk.
    List<Column> altered = List.of(column("id", 23, "int4"), column("name", 1043, "varchar"));
    assertArrayEquals(new int[] {23, 1043}, types.oids(altered));
    int[] again = types.oids(account);
    assertArrayEquals(new int[] {20, 25}, again);
    assertNotSame(accounts, again); // only the last list is kept
    assertArrayEquals(new int[0], types.oids(List.of()));
  }
}
