package dev.tusk.internal.codec;

import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import java.util.ArrayList;
import java.util.List;

/** The codecs the driver ships: every core type, and a one-dimensional-or-more array of each. */
final class BuiltinCodecs {

  private BuiltinCodecs() {}

  static List<Codec<?>> all() {
    List<Codec<?>> codecs = new ArrayList<>();
    addWithArray(codecs, BooleanCodec.INSTANCE, Oids.BOOL_ARRAY);
    addWithArray(codecs, IntegerCodecs.INT2, Oids.INT2_ARRAY);
    addWithArray(codecs, IntegerCodecs.INT4, Oids.INT4_ARRAY);
    addWithArray(codecs, IntegerCodecs.INT8, Oids.INT8_ARRAY);
    addWithArray(codecs, FloatCodecs.FLOAT4, Oids.FLOAT4_ARRAY);
    addWithArray(codecs, FloatCodecs.FLOAT8, Oids.FLOAT8_ARRAY);
    addWithArray(codecs, NumericCodec.INSTANCE, Oids.NUMERIC_ARRAY);
    addWithArray(codecs, TextCodec.TEXT, Oids.TEXT_ARRAY);
    addWithArray(codecs, TextCodec.VARCHAR, Oids.VARCHAR_ARRAY);
    addWithArray(codecs, TextCodec.BPCHAR, Oids.BPCHAR_ARRAY);
    addWithArray(codecs, TextCodec.NAME, Oids.NAME_ARRAY);
    addWithArray(codecs, CharCodec.INSTANCE, Oids.CHAR_ARRAY);
    addWithArray(codecs, ByteaCodec.INSTANCE, Oids.BYTEA_ARRAY);
    addWithArray(codecs, UuidCodec.INSTANCE, Oids.UUID_ARRAY);
    addWithArray(codecs, DateCodec.INSTANCE, Oids.DATE_ARRAY);
    addWithArray(codecs, TimeCodecs.TIME, Oids.TIME_ARRAY);
    addWithArray(codecs, TimeCodecs.TIMETZ, Oids.TIMETZ_ARRAY);
    addWithArray(codecs, TimestampCodecs.TIMESTAMP, Oids.TIMESTAMP_ARRAY);
    addWithArray(codecs, TimestampCodecs.TIMESTAMPTZ, Oids.TIMESTAMPTZ_ARRAY);
    addWithArray(codecs, IntervalCodec.INSTANCE, Oids.INTERVAL_ARRAY);
    addWithArray(codecs, TextCodec.JSON, Oids.JSON_ARRAY);
    addWithArray(codecs, JsonbCodec.INSTANCE, Oids.JSONB_ARRAY);
    addWithArray(codecs, OidCodec.INSTANCE, Oids.OID_ARRAY);
    // unknown is a pseudo-type without an array type.
    codecs.add(TextCodec.UNKNOWN);
    return codecs;
  }

  private static void addWithArray(List<Codec<?>> codecs, Codec<?> element, int arrayOid) {
    codecs.add(element);
    codecs.add(new ArrayCodec(arrayOid, element));
  }
}
