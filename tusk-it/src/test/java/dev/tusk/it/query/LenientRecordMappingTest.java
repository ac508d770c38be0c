package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.ExtraColumns;
import dev.tusk.Queries;
import dev.tusk.RowFactories;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * Record mapping against a table that changes under a running application: the lenient mode
 * survives a new column (by name, in any position), the strict one names the mismatch, and a
 * dropped column is a clear error in both, even for a statement run (and prepared) before.
 */
@TuskTest
class LenientRecordMappingTest {

  record Pet(int id, String name) {}

  private static final String SELECT = "SELECT * FROM growing_pet WHERE id = $1";

  @Test
  void aTableGainingAColumnKeepsTheLenientMappingWorking(Connection conn) {
    conn.execute("CREATE TABLE growing_pet (id int PRIMARY KEY, name text)");
    conn.execute("INSERT INTO growing_pet VALUES (1, 'Tusk')");
    Queries<Pet> lenient = conn.withRowFactory(RowFactories.record(Pet.class, ExtraColumns.IGNORE));
    Queries<Pet> strict = conn.withRowFactory(RowFactories.record(Pet.class));
    for (int run = 0; run < 6; run++) { // past prepare_threshold: the statement is prepared
      assertEquals(new Pet(1, "Tusk"), lenient.execute(SELECT, 1).fetchOne());
      assertEquals(new Pet(1, "Tusk"), strict.execute(SELECT, 1).fetchOne());
    }

    conn.execute("ALTER TABLE growing_pet ADD COLUMN born date");
    conn.execute("ALTER TABLE growing_pet ADD COLUMN nick text");
    assertEquals(new Pet(1, "Tusk"), lenient.execute(SELECT, 1).fetchOne());
    ProgrammingError extra =
        assertThrows(ProgrammingError.class, () -> strict.execute(SELECT, 1).fetchOne());
    assertTrue(extra.getMessage().contains("[id, name, born, nick]"), extra.getMessage());
    assertTrue(extra.getMessage().contains("components [id, name]"), extra.getMessage());

    conn.execute("ALTER TABLE growing_pet DROP COLUMN name");
    ProgrammingError missing =
        assertThrows(ProgrammingError.class, () -> lenient.execute(SELECT, 1).fetchOne());
    assertTrue(
        missing.getMessage().contains("no column for components [name]"), missing.getMessage());
    assertEquals(1, conn.execute("SELECT count(*) FROM growing_pet").fetchOne().getLong(0));
  }
}
