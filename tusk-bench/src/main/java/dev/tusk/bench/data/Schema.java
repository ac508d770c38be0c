package dev.tusk.bench.data;

import dev.tusk.bench.server.Admin;
import dev.tusk.bench.server.Endpoint;
import java.sql.SQLException;

/** Creates and fills the benchmark schema, replacing any earlier one. */
public final class Schema {

  private static final String WIDE_DEFINITION =
      "(id int8 NOT NULL, label text NOT NULL, score float8 NOT NULL, amount numeric(12,2) NOT"
          + " NULL, at timestamptz NOT NULL, flag bool NOT NULL, uid uuid NOT NULL)";

  private Schema() {}

  /** Creates the tables; {@code wideRows} rows to read in workload c. */
  public static void create(Admin admin, int wideRows) throws SQLException {
    admin.execute(
        "DROP SCHEMA IF EXISTS " + Endpoint.SCHEMA + " CASCADE",
        "CREATE SCHEMA " + Endpoint.SCHEMA,
        "CREATE TABLE "
            + Tables.ACCOUNTS
            + " (id int8 PRIMARY KEY, name text NOT NULL, email text NOT NULL,"
            + " balance numeric(12,2) NOT NULL, created_at timestamptz NOT NULL)",
        "INSERT INTO "
            + Tables.ACCOUNTS
            + " SELECT g, 'Account ' || g, 'user' || g || '@example.com',"
            + " round((random() * 100000)::numeric, 2),"
            + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute'"
            + " FROM generate_series(1, "
            + Tables.ACCOUNT_COUNT
            + ") g",
        "CREATE TABLE " + Tables.WIDE + " " + WIDE_DEFINITION,
        "INSERT INTO "
            + Tables.WIDE
            + " SELECT g, 'label-' || lpad(g::text, 14, '0'), random() * 1000,"
            + " round((random() * 1000000)::numeric, 2),"
            + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second',"
            + " g % 2 = 0, gen_random_uuid()"
            + " FROM generate_series(1, "
            + wideRows
            + ") g",
        "CREATE TABLE " + Tables.LOAD + " " + WIDE_DEFINITION,
        "CREATE TABLE " + Tables.INSERTS + " " + WIDE_DEFINITION,
        // freeze now, so no run pays for setting hint bits on first read
        "VACUUM (FREEZE, ANALYZE) " + Tables.ACCOUNTS,
        "VACUUM (FREEZE, ANALYZE) " + Tables.WIDE);
  }

  /** Empties {@code table} before a load run; not timed. */
  public static void empty(Admin admin, String table) throws SQLException {
    admin.execute("TRUNCATE " + table);
  }
}
