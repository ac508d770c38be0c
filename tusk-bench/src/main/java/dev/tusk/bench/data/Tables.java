package dev.tusk.bench.data;

import dev.tusk.bench.server.Endpoint;

/**
 * The benchmark's tables and statements. Statements use {@code $n} placeholders; {@link
 * #jdbc(String)} gives pgjdbc's {@code ?} form of the same text.
 */
public final class Tables {

  /** 100,000 accounts, looked up by primary key. */
  public static final String ACCOUNTS = Endpoint.SCHEMA + ".accounts";

  /** The rows read by workload c: (int8, text, float8, numeric(12,2), timestamptz, bool, uuid). */
  public static final String WIDE = Endpoint.SCHEMA + ".wide_rows";

  /** The target of workload d, emptied before each run. */
  public static final String LOAD = Endpoint.SCHEMA + ".load_rows";

  /** The target of workload e, emptied before each run. */
  public static final String INSERTS = Endpoint.SCHEMA + ".insert_rows";

  /** The number of accounts. */
  public static final int ACCOUNT_COUNT = 100_000;

  /** The point select of workloads a and b. */
  public static final String POINT_SELECT =
      "SELECT id, name, email, balance, created_at FROM " + ACCOUNTS + " WHERE id = $1";

  /** The columns of the wide rows, in order. */
  public static final String WIDE_COLUMNS = "id, label, score, amount, at, flag, uid";

  /** Reads every wide row. */
  public static final String WIDE_SELECT = "SELECT " + WIDE_COLUMNS + " FROM " + WIDE;

  /**
   * Reads every wide row with two more columns built by the server: a jsonb document and an int4[]
   * (workload c2, the type issue's nine-column row).
   */
  public static final String TYPED_SELECT =
      "SELECT "
          + WIDE_COLUMNS
          + ", jsonb_build_object('id', id, 'label', label) AS doc,"
          + " ARRAY[(id % 1000)::int4, 1, 2] AS ints FROM "
          + WIDE;

  private Tables() {}

  /** Inserts one wide row into {@code table}. */
  public static String insertInto(String table) {
    return "INSERT INTO " + table + " (" + WIDE_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)";
  }

  /** {@code COPY table (columns) FROM STDIN} in {@code format} ("text" or "binary"). */
  public static String copyInto(String table, String format) {
    return "COPY " + table + " (" + WIDE_COLUMNS + ") FROM STDIN (FORMAT " + format + ")";
  }

  /** {@code sql} with pgjdbc's {@code ?} in place of each {@code $n}. */
  public static String jdbc(String sql) {
    return sql.replaceAll("\\$\\d+", "?");
  }
}
