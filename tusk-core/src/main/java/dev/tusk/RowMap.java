package dev.tusk;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rows of {@link RowFactories#map()}: an unmodifiable map whose keys, and their positions, are
 * shared by every row of a result, so a row holds only its values. When several columns share a
 * name, the key keeps its first position and the last column's value, as a LinkedHashMap filled in
 * column order would.
 */
final class RowMap extends AbstractMap<String, Object> {

  /**
   * What every row of one result shares: distinct names in order, and where each one's value is.
   */
  static final class Keys {
    private final String[] names;
    private final int[] columns;
    private final Map<String, Integer> positions;

    Keys(List<Column> columnList) {
      positions = new HashMap<>(columnList.size() * 2);
      String[] distinct = new String[columnList.size()];
      int[] valueColumns = new int[columnList.size()];
      int count = 0;
      for (int i = 0; i < columnList.size(); i++) {
        String name = columnList.get(i).name();
        Integer known = positions.get(name);
        if (known == null) {
          positions.put(name, count);
          distinct[count] = name;
          valueColumns[count++] = i;
        } else {
          valueColumns[known] = i;
        }
      }
      names = Arrays.copyOf(distinct, count);
      columns = Arrays.copyOf(valueColumns, count);
    }

    /** One row's values, each decoded now: the map outlives the row. */
    RowMap read(Row row) {
      Object[] values = new Object[names.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(columns[i]);
      }
      return new RowMap(this, values);
    }
  }

  private final Keys keys;
  private final Object[] values;

  private RowMap(Keys keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return keys.positions.containsKey(key);
  }

  @Override
  public Object get(Object key) {
    Integer position = keys.positions.get(key);
    return position == null ? null : values[position];
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys.names[i], values[i]);
          }
        };
      }
    };
  }
}
