package dev.tusk.internal.client;

import dev.tusk.Query;
import dev.tusk.internal.codec.param.ParameterEncoder;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.internal.query.InsertValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter sets of a one-row INSERT sent as column arrays: each run of {@code INSERT ...
 * SELECT unnest($1), ..., unnest($n)} carries many sets, as one array per VALUES position, so the
 * server runs one statement where it would run one per set. The arrays' element types are the
 * parameter types the server described for the original statement (see {@link UnnestInserts}).
 */
final class ColumnArrays implements ManySets {

  private final EachSet sets;
  private final InsertValues insert;
  private final UnnestInserts.Described described;
  private final StatementCache.Entry rewritten;
  private final short[] formats;
  private final int[] arrayTypes;

  ColumnArrays(
      EachSet sets,
      InsertValues insert,
      UnnestInserts.Described described,
      StatementCache.Entry rewritten) {
    this.sets = sets;
    this.insert = insert;
    this.described = described;
    this.rewritten = rewritten;
    this.formats = new short[insert.columnCount()];
    this.arrayTypes = new int[insert.columnCount()];
    for (int column = 0; column < formats.length; column++) {
      formats[column] = (short) (isBinary(column) ? 1 : 0);
      arrayTypes[column] = described.arrayTypes()[insert.parameterAt(column) - 1];
    }
  }

  /** The caller's sets, as they would run one by one. */
  EachSet sets() {
    return sets;
  }

  @Override
  public int size() {
    return sets.size();
  }

  @Override
  public Query query() {
    return sets.query();
  }

  @Override
  public StatementCache.Entry entry() {
    return rewritten;
  }

  @Override
  public Encoded encode(int from) {
    return encode(from, ChunkedMany.CHUNK_BYTES);
  }

  @Override
  public List<Bindings> encodeAll() {
    List<Bindings> all = new ArrayList<>();
    for (int from = 0; from < size(); ) {
      Encoded encoded = encode(from);
      all.addAll(encoded.bindings());
      from = encoded.end();
    }
    return all;
  }

  @Override
  public Statements.Bound bound(List<Bindings> bindings) {
    return new Statements.Bound(
        rewritten,
        sets.query(),
        new ParameterBinder.Bound(arrayTypes, bindings),
        sets.types(),
        null,
        sets.values());
  }

  /** The sets from {@code from} on as one run's arrays, up to about {@code maxBytes} of them. */
  private Encoded encode(int from, int maxBytes) {
    List<Object[]> values = sets.values();
    int remaining = values.size() - from;
    int columnCount = insert.columnCount();
    ColumnArray[] columns = new ColumnArray[columnCount];
    int capacity = (int) Math.min(maxBytes / columnCount + 64, 16L * remaining + 64);
    for (int column = 0; column < columnCount; column++) {
      columns[column] = newColumn(column, capacity);
    }
    int end = from;
    int bytes = 0;
    while (end < values.size() && (end == from || bytes < maxBytes)) {
      Object[] set = values.get(end);
      bytes = 0;
      for (ColumnArray column : columns) {
        column.add(set, end);
        bytes += column.size();
      }
      end++;
    }
    for (ColumnArray column : columns) {
      column.finish();
    }
    Bindings run =
        new Bindings(
            formats,
            columnCount,
            (index, out) -> out.writeBytes(columns[index].out.array(), 0, columns[index].size()));
    return new Encoded(List.of(run), end);
  }

  /**
   * Whether the array of VALUES position {@code column} is sent in binary: when its parameter's
   * encoder writes binary values of the very type the server described. Else it is text, which the
   * server parses as that type (a String, sent with no type, or a parameter NULL in every set).
   */
  private boolean isBinary(int column) {
    int parameter = insert.parameterAt(column) - 1;
    ParameterEncoder encoder = sets.plan().encoders()[parameter];
    return encoder != null
        && encoder.format() == 1
        && encoder.oid() == described.parameterTypes()[parameter];
  }

  private ColumnArray newColumn(int column, int capacity) {
    int parameter = insert.parameterAt(column) - 1;
    ParameterEncoder[] encoders = sets.plan().encoders();
    return formats[column] == 1
        ? ColumnArray.binary(encoders, parameter, described.parameterTypes()[parameter], capacity)
        : ColumnArray.text(encoders, parameter, described.delimiters()[parameter], capacity);
  }
}
