package dev.tusk.internal.codec.builtin;

import dev.tusk.types.Codec;
import dev.tusk.types.Oids;

/**
 * The built-in range types: each one's element codec, its OID, its multirange's OID (PostgreSQL
 * 14+) and the OIDs of the array types of both.
 */
public enum BuiltinRange {
  INT4RANGE(
      "int4range",
      IntegerCodecs.INT4,
      Oids.INT4RANGE,
      Oids.INT4RANGE_ARRAY,
      Oids.INT4MULTIRANGE,
      Oids.INT4MULTIRANGE_ARRAY),
  INT8RANGE(
      "int8range",
      IntegerCodecs.INT8,
      Oids.INT8RANGE,
      Oids.INT8RANGE_ARRAY,
      Oids.INT8MULTIRANGE,
      Oids.INT8MULTIRANGE_ARRAY),
  NUMRANGE(
      "numrange",
      NumericCodec.INSTANCE,
      Oids.NUMRANGE,
      Oids.NUMRANGE_ARRAY,
      Oids.NUMMULTIRANGE,
      Oids.NUMMULTIRANGE_ARRAY),
  DATERANGE(
      "daterange",
      DateCodec.INSTANCE,
      Oids.DATERANGE,
      Oids.DATERANGE_ARRAY,
      Oids.DATEMULTIRANGE,
      Oids.DATEMULTIRANGE_ARRAY),
  TSRANGE(
      "tsrange",
      TimestampCodecs.TIMESTAMP,
      Oids.TSRANGE,
      Oids.TSRANGE_ARRAY,
      Oids.TSMULTIRANGE,
      Oids.TSMULTIRANGE_ARRAY),
  TSTZRANGE(
      "tstzrange",
      TimestampCodecs.TIMESTAMPTZ,
      Oids.TSTZRANGE,
      Oids.TSTZRANGE_ARRAY,
      Oids.TSTZMULTIRANGE,
      Oids.TSTZMULTIRANGE_ARRAY);

  public final Codec<?> element;
  public final int oid;
  public final int arrayOid;
  public final int multirangeOid;
  public final int multirangeArrayOid;
  public final RangeCodec codec;
  final MultirangeCodec multirangeCodec;

  BuiltinRange(
      String typeName,
      Codec<?> element,
      int oid,
      int arrayOid,
      int multirangeOid,
      int multirangeArrayOid) {
    this.element = element;
    this.oid = oid;
    this.arrayOid = arrayOid;
    this.multirangeOid = multirangeOid;
    this.multirangeArrayOid = multirangeArrayOid;
    this.codec = new RangeCodec(oid, typeName, element);
    this.multirangeCodec =
        new MultirangeCodec(multirangeOid, typeName.replace("range", "multirange"), codec);
  }
}
