package dev.tusk.internal.client;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.copy.CopyFormat;
import dev.tusk.internal.copy.CopyTarget;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.Session;
import dev.tusk.types.Codec;
import java.util.ArrayList;
import java.util.List;

/**
 * The column types of a binary {@code COPY table [(columns)] FROM STDIN}, for {@code writeRow}
 * without {@code setTypes}: binary values carry no type, and once the COPY has started the
 * connection runs nothing else, so the table's columns are asked for just before it. The catalog
 * query (the table's name bound as a parameter, never spliced) is queued right ahead of the COPY
 * and answered before the server starts it, so it costs no round trip of its own; its answer is
 * read at the first row.
 */
final class CopyColumnTypes {

  /** The table's columns that COPY reads without a column list: not dropped, not generated. */
  private static final String COLUMNS =
      "SELECT a.attname, a.atttypid FROM pg_catalog.pg_attribute a"
          + " WHERE a.attrelid = pg_catalog.to_regclass($1) AND a.attnum > 0"
          + " AND NOT a.attisdropped%s ORDER BY a.attnum";

  private final String table;
  private final List<String> columns;
  private final ExtendedQuery request;

  private CopyColumnTypes(String table, List<String> columns, ExtendedQuery request) {
    this.table = table;
    this.columns = columns;
    this.request = request;
  }

  /**
   * Queues the catalog query for {@code sql} when it is a binary COPY of a table from STDIN, else
   * does nothing and returns null (a text or CSV COPY renders values without types, a COPY TO
   * decodes with the types given).
   */
  static CopyColumnTypes ask(Session session, String sql) {
    CopyTarget target;
    try {
      target = CopyTarget.parse(sql);
    } catch (TuskException e) {
      // The typed rows will raise this themselves; raw data does not read the statement.
      return null;
    }
    // Three parts name a database too, which the server refuses unless it is this one: left to
    // the COPY, whose error then says so.
    if (!target.from()
        || target.format() != CopyFormat.BINARY
        || target.table().isEmpty()
        || target.table().size() > 2) {
      return null;
    }
    String name = quoted(target.table());
    String generated = session.serverVersion() >= 120000 ? " AND a.attgenerated = ''" : "";
    ExtendedQuery request = ServerCatalog.request(COLUMNS.formatted(generated), name);
    session.submit(request);
    return new CopyColumnTypes(name, target.columns(), request);
  }

  /** {@code schema.table} as SQL would write it: each part quoted, so to_regclass reads it back. */
  private static String quoted(List<String> parts) {
    List<String> quoted = new ArrayList<>(parts.size());
    for (String part : parts) {
      quoted.add('"' + part.replace("\"", "\"\"") + '"');
    }
    return String.join(".", quoted);
  }

  /**
   * The codec of each column the COPY takes, in its order.
   *
   * @throws ProgrammingError when the table or a column cannot be resolved, or a column's type is
   *     not known to the connection yet (looking it up would need the connection, which the COPY
   *     holds), each naming setTypes as the way out
   */
  Codec<?>[] codecs(TypeScope types) {
    List<List<Object>> rows;
    try {
      rows = ServerCatalog.rows(request.future().join().get(0));
    } catch (RuntimeException e) {
      throw unresolved(
          "its columns could not be read (" + Asynchronous.unwrap(e).getMessage() + ")");
    }
    if (rows.isEmpty()) {
      throw unresolved("no table " + table + " is visible");
    }
    List<List<Object>> taken = columns.isEmpty() ? rows : listed(rows);
    Codec<?>[] codecs = new Codec<?>[taken.size()];
    for (int i = 0; i < codecs.length; i++) {
      int oid = ((Number) taken.get(i).get(1)).intValue();
      codecs[i] = types.codec(oid);
      if (codecs[i] == null) {
        throw unresolved(
            "column \""
                + taken.get(i).get(0)
                + "\" has a type (OID "
                + oid
                + ") this connection has not used yet, and the COPY holds the connection, so it"
                + " cannot look it up now; use the type once before the COPY"
                + " (conn.types().codec(name))");
      }
    }
    return codecs;
  }

  /** The rows of the listed columns, in the list's order. */
  private List<List<Object>> listed(List<List<Object>> rows) {
    List<List<Object>> taken = new ArrayList<>(columns.size());
    for (String column : columns) {
      List<Object> found = null;
      for (List<Object> row : rows) {
        if (column.equals(row.get(0))) {
          found = row;
        }
      }
      if (found == null) {
        throw unresolved("it has no column \"" + column + "\"");
      }
      taken.add(found);
    }
    return taken;
  }

  private ProgrammingError unresolved(String why) {
    return new ProgrammingError(
        "a binary COPY writes typed values and needs each column's type: the types of "
            + table
            + " could not be found, as "
            + why
            + "; call copy.setTypes(...) with the column types before the first writeRow");
  }
}
