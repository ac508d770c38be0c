package dev.tusk.internal.client;

import dev.tusk.Column;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.codec.builtin.BinaryPrimitives;
import dev.tusk.internal.codec.builtin.SessionTimeZone;
import dev.tusk.internal.protocol.RowDescription;
import dev.tusk.types.Codec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of one result, resolved once for all its rows: public descriptions, codecs and
 * formats in flat arrays for the decode path, and a name index. The codecs come from the registry
 * of the cursor that ran the statement, as it was when the result arrived; types it did not know
 * are looked up in the catalog then, all in one query.
 */
final class ResultColumns {

  static final ResultColumns NONE =
      new ResultColumns(null, new Codec<?>[0], CodecRegistry.defaults(), null, false);

  /** What these columns were resolved from, to tell whether they fit a later result. */
  private final RowDescription description;

  private final ZoneId zone;

  /** Whether every codec came from the registry itself (none from the catalog's lookups). */
  private final boolean reusable;

  private final List<Column> columns;
  private final List<String> names;
  private final Codec<?>[] codecs;

  /** The codecs for reading values as text where they differ from codecs (else null). */
  private final Codec<?>[] textCodecs;

  private final int[] formats;
  private final int[] primitives;
  private final Map<String, Integer> indexByName;
  private final CodecRegistry registry;

  private ResultColumns(
      RowDescription description,
      Codec<?>[] codecs,
      CodecRegistry registry,
      ZoneId zone,
      boolean reusable) {
    RowDescription.Field[] fields =
        description == null ? new RowDescription.Field[0] : description.fields();
    this.description = description;
    this.zone = zone;
    this.reusable = reusable;
    this.codecs = codecs;
    this.textCodecs = zone == null ? null : textCodecs(fields, codecs, zone);
    this.registry = registry;
    int count = fields.length;
    List<Column> described = new ArrayList<>(count);
    List<String> columnNames = new ArrayList<>(count);
    formats = new int[count];
    primitives = new int[count];
    indexByName = new HashMap<>(count * 2);
    for (int i = 0; i < count; i++) {
      RowDescription.Field field = fields[i];
      formats[i] = field.format();
      primitives[i] = BinaryPrimitives.kind(codecs[i], field.format());
      String typeName = codecs[i].typeName();
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

  static ResultColumns of(RowDescription description, TypeScope types) {
    if (description == null) {
      return NONE;
    }
    RowDescription.Field[] fields = description.fields();
    int[] oids = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      oids[i] = fields[i].typeOid();
    }
    // The table is read before the codecs, so a conversion never sees an older table than they.
    CodecRegistry registry = types.registry();
    Codec<?>[] codecs = types.codecsFor(oids);
    return new ResultColumns(
        description, codecs, registry, types.sessionZone(), registry.findsAll(oids));
  }

  /**
   * Whether these columns are the ones {@link #of} would resolve for {@code description} read
   * through {@code types} now: the same description, registry table and session time zone.
   */
  boolean describes(RowDescription description, TypeScope types) {
    return this.description == description
        && registry == types.registry()
        && Objects.equals(zone, types.sessionZone());
  }

  /** Whether these columns may serve later results ({@link #describes}). */
  boolean reusable() {
    return reusable;
  }

  /**
   * For each binary column, a codec that renders text as the server would in the session's TimeZone
   * (timestamptz and what holds it); null when no column needs one.
   */
  private static Codec<?>[] textCodecs(
      RowDescription.Field[] fields, Codec<?>[] codecs, ZoneId zone) {
    Codec<?>[] shown = null;
    for (int i = 0; i < codecs.length; i++) {
      Codec<?> codec =
          fields[i].format() == 1 ? SessionTimeZone.forText(codecs[i], zone) : codecs[i];
      if (codec != codecs[i]) {
        if (shown == null) {
          shown = codecs.clone();
        }
        shown[i] = codec;
      }
    }
    return shown;
  }

  int size() {
    return codecs.length;
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

  /** How column {@code column} can be read as a primitive ({@link BinaryPrimitives}). */
  int primitive(int column) {
    return primitives[column];
  }

  Object decode(int column, byte[] bytes, int offset, int length) {
    return codecs[column].decode(formats[column], bytes, offset, length);
  }

  <T> T decode(int column, byte[] bytes, int offset, int length, Class<T> type) {
    Codec<?> codec =
        textCodecs != null && type == String.class ? textCodecs[column] : codecs[column];
    return registry.decode(codec, formats[column], bytes, offset, length, type);
  }
}
