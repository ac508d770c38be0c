package dev.tusk.internal.client;

import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.codec.catalog.CatalogSource;
import dev.tusk.internal.engine.ExtendedQuery;
import dev.tusk.internal.engine.StatementResult;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a connection's catalog queries. They bypass its registry (the built-in codecs bind and
 * decode them, whatever the user registered) and its autocommit-off BEGIN: they are submitted as
 * they are, so they wait while another thread holds a transaction block and join the caller's own
 * block or open transaction.
 */
final class ServerCatalog implements CatalogSource {

  private final ConnectionCore connection;

  ServerCatalog(ConnectionCore connection) {
    this.connection = connection;
  }

  @Override
  public String sessionParameter(String name) {
    return connection.session().parameter(name);
  }

  @Override
  public List<List<Object>> query(String sql, Object... params) {
    return rows(connection.run(request(sql, params)).get(0));
  }

  /** A catalog query with its parameters bound by the built-in codecs, results in binary. */
  static ExtendedQuery request(String sql, Object... params) {
    ParameterBinder.Bound bound =
        new ParameterBinder(TypeScope.builtins()).bind(params.length, List.<Object[]>of(params));
    return new ExtendedQuery(sql, bound.types(), bound.sets(), BindFormats.ALL_BINARY);
  }

  /** A catalog query's rows, decoded by the built-in codecs. */
  static List<List<Object>> rows(StatementResult result) {
    RowDescription.Field[] fields = result.description().fields();
    CodecRegistry builtins = CodecRegistry.defaults();
    List<List<Object>> rows = new ArrayList<>(result.rows().size());
    int[] offsets = new int[fields.length];
    int[] lengths = new int[fields.length];
    for (DataRow row : result.rows()) {
      row.locate(offsets, lengths);
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] =
            lengths[i] < 0
                ? null
                : builtins.decode(fields[i].typeOid(), 1, row.bytes(), offsets[i], lengths[i]);
      }
      rows.add(Arrays.asList(values));
    }
    return rows;
  }
}
