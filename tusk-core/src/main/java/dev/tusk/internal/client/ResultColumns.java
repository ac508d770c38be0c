package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.protocol.RowDescription;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of one result, resolved once for all its rows: public descriptions, type OIDs and
 * formats in flat arrays for the decode path, and a name index.
 */
final class ResultColumns {

  static final ResultColumns NONE = new ResultColumns(new RowDescription.Field[0], null);

  private final List<Column> columns;
  private final List<String> names;
  private final int[] typeOids;
  private final int[] formats;
  private final Map<String, Integer> indexByName;
  private final CodecRegistry codecs;

  private ResultColumns(RowDescription.Field[] fields, CodecRegistry codecs) {
    this.codecs = codecs;
    int count = fields.length;
    List<Column> described = new ArrayList<>(count);
    List<String> columnNames = new ArrayList<>(count);
    typeOids = new int[count];
    formats = new int[count];
    indexByName = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      RowDescription.Field field = fields[i];
      typeOids[i] = field.typeOid();
      formats[i] = field.format();
      String typeName = codecs == null ? "" : codecs.typeName(field.typeOid());
      described.add(
          new Column(
              field.name(),
              field.typeOid(),
              typeName,
              field.typeModifier(),
              field.tableOid(),
              field.columnAttribute()));
      columnNames.add(field.name());
      indexByName.putIfAbsent(field.name(), i);
    }
    this.columns = Collections.unmodifiableList(described);
    this.names = Collections.unmodifiableList(columnNames);
  }

  static ResultColumns of(RowDescription description, CodecRegistry codecs) {
    return description == null ? NONE : new ResultColumns(description.fields(), codecs);
  }

  int size() {
    return typeOids.length;
  }

  List<Column> columns() {
    return columns;
  }

  List<String> names() {
    return names;
  }

  int indexOf(String name) {
    Integer index = indexByName.get(name);
    if (index == null) {
      throw new ProgrammingError("no column named \"" + name + "\"; the columns are " + names);
    }
    return index;
  }

  Object decode(int column, byte[] bytes, int offset, int length) {
    return codecs.decode(typeOids[column], formats[column], bytes, offset, length);
  }

  <T> T decode(int column, byte[] bytes, int offset, int length, Class<T> type) {
    return codecs.decode(typeOids[column], formats[column], bytes, offset, length, type);
  }
}
