package dev.tusk.it.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Cursor;
import dev.tusk.RowFactories;
import dev.tusk.RowFactory;
import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.testing.TuskTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The built-in row factories (map, scalar, record, bean) and a user-defined one. */
@TuskTest
class RowFactoriesTest {

  private static final String PETS =
      "SELECT * FROM (VALUES (1, 'Tusk', DATE '2024-05-01', 3.5::float8),"
          + " (2, 'Ivory', DATE '2025-02-09', NULL)) AS p(id, pet_name, born_on, weight_kg)";

  /** A record whose components are the camelCase forms of the columns, in another order. */
  record Pet(String petName, int id, LocalDate bornOn, Double weightKg) {}

  /** A record that takes the weight as a primitive, so a NULL weight cannot fit. */
  record StrictPet(int id, String petName, LocalDate bornOn, double weightKg) {}

  /** A record with one component fewer than the query has columns. */
  record ShortPet(int id, String petName, LocalDate bornOn) {}

  /** A record with a component no column matches. */
  record OddPet(int id, String petName, LocalDate bornOn, Double weightKg, String color) {}

  /** A plain class filled through its no-argument constructor and setters. */
  public static final class PetBean {
    private int id;
    private String petName;
    private LocalDate bornOn;
    private Double weightKg;

    /** For the row factory. */
    public PetBean() {}

    public void setId(int id) {
      this.id = id;
    }

    public void setPetName(String petName) {
      this.petName = petName;
    }

    public void setBornOn(LocalDate bornOn) {
      this.bornOn = bornOn;
    }

    public void setWeightKg(Double weightKg) {
      this.weightKg = weightKg;
    }

    @Override
    public String toString() {
      return id + "/" + petName + "/" + bornOn + "/" + weightKg;
    }
  }

  @Test
  void mapGivesValuesByNameInColumnOrder(Connection conn) {
    List<Map<String, Object>> rows =
        conn.cursor(RowFactories.map())
            .execute("SELECT 3 AS c, 'x'::text AS a, NULL::int4 AS b")
            .fetchAll();

    assertEquals(1, rows.size());
    Map<String, Object> row = rows.get(0);
    assertEquals(List.of("c", "a", "b"), List.copyOf(row.keySet()));
    assertEquals(3, row.get("c"));
    assertEquals("x", row.get("a"));
    assertTrue(row.containsKey("b"));
    assertNull(row.get("b"));
    assertThrows(UnsupportedOperationException.class, () -> row.put("d", 1));
  }

  @Test
  void scalarGivesTheFirstColumnOfEachRow(Connection conn) {
    List<Object> values =
        conn.cursor(RowFactories.scalar())
            .execute("SELECT n * 10 FROM generate_series(1, 3) AS n")
            .fetchAll();

    assertEquals(List.of(10, 20, 30), values);
  }

  @Test
  void iteratingScalarsGoesPastANullValue(Connection conn) {
    List<Integer> values = new ArrayList<>();
    for (Integer value :
        conn.cursor(RowFactories.scalar(Integer.class))
            .execute("SELECT * FROM (VALUES (1), (NULL), (3)) AS v(n)")) {
      values.add(value);
    }

    assertEquals(java.util.Arrays.asList(1, null, 3), values);
  }

  @Test
  void scalarOfClassConverts(Connection conn) {
    Cursor<Long> counts = conn.cursor(RowFactories.scalar(Long.class));
    Cursor<Integer> narrowed = conn.cursor(RowFactories.scalar(Integer.class));

    assertEquals(5L, counts.execute("SELECT 5::int4").fetchOne());
    assertEquals(3, narrowed.execute("SELECT count(*) FROM generate_series(1, 3)").fetchOne());
    assertEquals(
        "7", conn.cursor(RowFactories.scalar(String.class)).execute("SELECT 7").fetchOne());
  }

  @Test
  void recordMatchesSnakeCaseColumnsToCamelCaseComponents(Connection conn) {
    for (int run = 1; run <= 2; run++) {
      List<Pet> pets = conn.cursor(RowFactories.record(Pet.class)).execute(PETS).fetchAll();

      assertEquals(
          List.of(
              new Pet("Tusk", 1, LocalDate.of(2024, 5, 1), 3.5),
              new Pet("Ivory", 2, LocalDate.of(2025, 2, 9), null)),
          pets,
          "run " + run);
    }
  }

  @Test
  void recordFromANullIntoAPrimitiveIsDataError(Connection conn) {
    Cursor<StrictPet> cursor = conn.cursor(RowFactories.record(StrictPet.class)).execute(PETS);

    assertEquals(3.5, cursor.fetchOne().weightKg());
    DataError error = assertThrows(DataError.class, cursor::fetchOne);
    assertTrue(error.getMessage().contains("weight_kg"), error.getMessage());
  }

  @Test
  void recordWithoutAComponentForAColumnIsProgrammingErrorNamingBothLists(Connection conn) {
    Cursor<ShortPet> cursor = conn.cursor(RowFactories.record(ShortPet.class)).execute(PETS);

    ProgrammingError error = assertThrows(ProgrammingError.class, cursor::fetchOne);

    assertTrue(
        error.getMessage().contains("[id, pet_name, born_on, weight_kg]"), error.getMessage());
    assertTrue(error.getMessage().contains("[id, petName, bornOn]"), error.getMessage());
  }

  @Test
  void recordWithAComponentWithoutAColumnIsProgrammingErrorNamingBothLists(Connection conn) {
    Cursor<OddPet> cursor = conn.cursor(RowFactories.record(OddPet.class)).execute(PETS);

    ProgrammingError error = assertThrows(ProgrammingError.class, cursor::fetchAll);

    assertTrue(
        error.getMessage().contains("[id, pet_name, born_on, weight_kg]"), error.getMessage());
    assertTrue(
        error.getMessage().contains("[id, petName, bornOn, weightKg, color]"), error.getMessage());
  }

  @Test
  void plainClassIsFilledThroughSetters(Connection conn) {
    List<String> pets = new ArrayList<>();
    for (PetBean pet : conn.cursor(RowFactories.record(PetBean.class)).execute(PETS)) {
      pets.add(pet.toString());
    }

    assertEquals(List.of("1/Tusk/2024-05-01/3.5", "2/Ivory/2025-02-09/null"), pets);
  }

  @Test
  void plainClassWithoutASetterForAColumnIsProgrammingErrorNamingIt(Connection conn) {
    Cursor<PetBean> cursor =
        conn.cursor(RowFactories.record(PetBean.class)).execute("SELECT 1 AS id, 2 AS legs");

    ProgrammingError error = assertThrows(ProgrammingError.class, cursor::fetchOne);

    assertTrue(error.getMessage().contains("legs"), error.getMessage());
  }

  @Test
  void userDefinedFactoryIsCalledOncePerResultAndItsMakerOncePerRow(Connection conn) {
    AtomicInteger factoryCalls = new AtomicInteger();
    RowFactory<String> joined =
        columns -> {
          factoryCalls.incrementAndGet();
          String header = String.join(",", columns.stream().map(c -> c.name()).toList());
          return row -> {
            StringBuilder text = new StringBuilder(header).append(':');
            for (int i = 0; i < row.size(); i++) {
              text.append(i == 0 ? "" : "|").append(row.get(i, String.class));
            }
            return text.toString();
          };
        };

    List<String> rows =
        conn.cursor(joined)
            .execute("SELECT n AS a, n * 2 AS b FROM generate_series(1, 3) AS n")
            .fetchAll();

    assertEquals(List.of("a,b:1|2", "a,b:2|4", "a,b:3|6"), rows);
    assertEquals(1, factoryCalls.get());
  }

  @Test
  void factoryFollowsEachResultOfAScript(Connection conn) {
    Cursor<Map<String, Object>> cursor =
        conn.cursor(RowFactories.map()).execute("SELECT 1 AS first; SELECT 2 AS second");

    assertEquals(Map.of("first", 1), cursor.fetchOne());
    assertTrue(cursor.nextSet());
    assertEquals(Map.of("second", 2), cursor.fetchOne());
  }
}
