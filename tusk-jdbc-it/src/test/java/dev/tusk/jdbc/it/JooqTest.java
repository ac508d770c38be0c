package dev.tusk.jdbc.it;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.sql.Connection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jOOQ's runtime DSL over tusk-jdbc, without generated classes. */
@TuskTest
class JooqTest {

  private static final Table<Record> GADGET = table(name("gadget"));
  private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
  private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR);
  private static final Field<Integer[]> SIZES = field(name("sizes"), SQLDataType.INTEGER.array());
  private static final Field<JSONB> SPEC = field(name("spec"), SQLDataType.JSONB);

  private Connection connection;
  private DSLContext dsl;

  @BeforeEach
  void setUp(TestSchema schema) throws Exception {
    connection = JdbcTarget.connect(schema);
    dsl = DSL.using(connection, SQLDialect.POSTGRES);
    dsl.execute("DROP TABLE IF EXISTS gadget");
    dsl.createTable(GADGET)
        .column(ID, SQLDataType.BIGINT.identity(true))
        .column(NAME, SQLDataType.VARCHAR(50).nullable(false))
        .column(SIZES)
        .column(SPEC)
        .constraints(DSL.primaryKey(ID), DSL.unique(NAME))
        .execute();
  }

  @AfterEach
  void tearDown() throws Exception {
    connection.close();
  }

  @Test
  void crudWithReturning() {
    Record inserted =
        dsl.insertInto(GADGET, NAME, SIZES, SPEC)
            .values("lamp", new Integer[] {1, 2}, JSONB.valueOf("{\"watts\": 40}"))
            .returning(ID, NAME)
            .fetchOne();
    long id = inserted.get(ID);
    assertEquals("lamp", inserted.get(NAME));
    assertEquals(1, dsl.update(GADGET).set(NAME, "desk lamp").where(ID.eq(id)).execute());
    Record read = dsl.select(NAME, SIZES, SPEC).from(GADGET).where(ID.eq(id)).fetchOne();
    assertEquals("desk lamp", read.get(NAME));
    assertArrayEquals(new Integer[] {1, 2}, read.get(SIZES));
    assertEquals(
        40,
        dsl.select(DSL.field("spec->>'watts'", Integer.class)).from(GADGET).fetchOne().value1());
    assertEquals(1, dsl.deleteFrom(GADGET).where(ID.eq(id)).execute());
  }

  @Test
  void batchAndUpsert() {
    int[] counts =
        dsl.batch(dsl.insertInto(GADGET, NAME).values((String) null))
            .bind("a")
            .bind("b")
            .bind("c")
            .execute();
    assertArrayEquals(new int[] {1, 1, 1}, counts);
    dsl.insertInto(GADGET, NAME, SIZES)
        .values("a", new Integer[] {9})
        .onConflict(NAME)
        .doUpdate()
        .set(SIZES, new Integer[] {7})
        .execute();
    assertEquals(List.of("a", "b", "c"), dsl.select(NAME).from(GADGET).orderBy(NAME).fetch(NAME));
    assertArrayEquals(
        new Integer[] {7}, dsl.select(SIZES).from(GADGET).where(NAME.eq("a")).fetchOne(SIZES));
  }

  @Test
  void transactionsThroughJooq() {
    try {
      dsl.transaction(
          config -> {
            DSL.using(config).insertInto(GADGET, NAME).values("gone").execute();
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the block's exception comes back out after the rollback
    }
    dsl.transaction(config -> DSL.using(config).insertInto(GADGET, NAME).values("kept").execute());
    assertEquals(List.of("kept"), dsl.select(NAME).from(GADGET).fetch(NAME));
  }
}
