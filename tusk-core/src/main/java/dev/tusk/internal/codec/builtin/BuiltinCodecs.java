package dev.tusk.internal.codec.builtin;

import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import java.util.ArrayList;
import java.util.List;

/** The codecs the driver ships: every core type, and a one-dimensional-or-more array of each. */
public final class BuiltinCodecs {

  private BuiltinCodecs() {}

  public static List<Codec<?>> all() {
    List<Codec<?>> codecs = new ArrayList<>();
    addWithArray(codecs, BooleanCodec.INSTANCE, Oids.BOOL_ARRAY);
    addWithArray(codecs, IntegerCodecs.INT2, Oids.INT2_ARRAY);
    addWithArray(codecs, IntegerCodecs.INT4, Oids.INT4_ARRAY);
    addWithArray(codecs, IntegerCodecs.INT8, Oids.INT8_ARRAY);
    addWithArray(codecs, FloatCodecs.FLOAT4, Oids.FLOAT4_ARRAY);
    addWithArray(codecs, FloatCodecs.FLOAT8, Oids.FLOAT8_ARRAY);
    addWithArray(codecs, NumericCodec.INSTANCE, Oids.NUMERIC_ARRAY);
    addWithArray(codecs, MoneyCodec.INSTANCE, Oids.MONEY_ARRAY);
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
    addWithArray(codecs, JsonCodec.JSON, Oids.JSON_ARRAY);
    addWithArray(codecs, JsonCodec.JSONB, Oids.JSONB_ARRAY);
    addWithArray(codecs, OidCodec.INSTANCE, Oids.OID_ARRAY);
    addWithArray(codecs, InetCodec.INET, Oids.INET_ARRAY);
    addWithArray(codecs, InetCodec.CIDR, Oids.CIDR_ARRAY);
    addWithArray(codecs, MacAddressCodec.MACADDR, Oids.MACADDR_ARRAY);
    addWithArray(codecs, MacAddressCodec.MACADDR8, Oids.MACADDR8_ARRAY);
    addGeometric(codecs);
    addWithArray(codecs, BitStringCodec.BIT, Oids.BIT_ARRAY);
    addWithArray(codecs, BitStringCodec.VARBIT, Oids.VARBIT_ARRAY);
    addWithArray(codecs, LsnCodec.INSTANCE, Oids.PG_LSN_ARRAY);
    addWithArray(codecs, VectorCodec.INT2VECTOR, Oids.INT2VECTOR_ARRAY);
    addWithArray(codecs, VectorCodec.OIDVECTOR, Oids.OIDVECTOR_ARRAY);
    addRanges(codecs);
    addTextOnly(codecs);
    // unknown and void are pseudo-types without array types.
    codecs.add(TextCodec.UNKNOWN);
    codecs.add(TextCodec.VOID);
    return codecs;
  }

  private static void addGeometric(List<Codec<?>> codecs) {
    addWithArray(codecs, GeometricCodecs.POINT, Oids.POINT_ARRAY);
    addWithArray(codecs, GeometricCodecs.LINE, Oids.LINE_ARRAY);
    addWithArray(codecs, GeometricCodecs.LSEG, Oids.LSEG_ARRAY);
    // box is the one built-in type whose arrays separate elements with ';' (its typdelim).
    codecs.add(GeometricCodecs.BOX);
    codecs.add(new ArrayCodec(Oids.BOX_ARRAY, GeometricCodecs.BOX, ';'));
    addWithArray(codecs, GeometricCodecs.PATH, Oids.PATH_ARRAY);
    addWithArray(codecs, GeometricCodecs.POLYGON, Oids.POLYGON_ARRAY);
    addWithArray(codecs, GeometricCodecs.CIRCLE, Oids.CIRCLE_ARRAY);
  }

  private static void addRanges(List<Codec<?>> codecs) {
    for (BuiltinRange range : BuiltinRange.values()) {
      addWithArray(codecs, range.codec, range.arrayOid);
      addWithArray(codecs, range.multirangeCodec, range.multirangeArrayOid);
    }
  }

  /**
   * Types read as their text, as a String, with results always in text:
   *
   * <ul>
   *   <li>the reg* types, whose text is the object's name (their binary form is the bare OID, which
   *       would need a catalog lookup to become that name);
   *   <li>xml, whose binary form (xml_send) may rewrite the value's XML declaration;
   *   <li>tsvector and tsquery, whose binary forms are internal structures of no use to callers;
   *   <li>txid_snapshot and pg_snapshot, read as {@code xmin:xmax:xip,...}.
   * </ul>
   */
  private static void addTextOnly(List<Codec<?>> codecs) {
    textOnly(codecs, Oids.REGPROC, "regproc", Oids.REGPROC_ARRAY);
    textOnly(codecs, Oids.REGPROCEDURE, "regprocedure", Oids.REGPROCEDURE_ARRAY);
    textOnly(codecs, Oids.REGOPER, "regoper", Oids.REGOPER_ARRAY);
    textOnly(codecs, Oids.REGOPERATOR, "regoperator", Oids.REGOPERATOR_ARRAY);
    textOnly(codecs, Oids.REGCLASS, "regclass", Oids.REGCLASS_ARRAY);
    textOnly(codecs, Oids.REGTYPE, "regtype", Oids.REGTYPE_ARRAY);
    textOnly(codecs, Oids.REGROLE, "regrole", Oids.REGROLE_ARRAY);
    textOnly(codecs, Oids.REGNAMESPACE, "regnamespace", Oids.REGNAMESPACE_ARRAY);
    textOnly(codecs, Oids.REGCONFIG, "regconfig", Oids.REGCONFIG_ARRAY);
    textOnly(codecs, Oids.REGDICTIONARY, "regdictionary", Oids.REGDICTIONARY_ARRAY);
    textOnly(codecs, Oids.REGCOLLATION, "regcollation", Oids.REGCOLLATION_ARRAY);
    textOnly(codecs, Oids.XML, "xml", Oids.XML_ARRAY);
    textOnly(codecs, Oids.TSVECTOR, "tsvector", Oids.TSVECTOR_ARRAY);
    textOnly(codecs, Oids.TSQUERY, "tsquery", Oids.TSQUERY_ARRAY);
    textOnly(codecs, Oids.TXID_SNAPSHOT, "txid_snapshot", Oids.TXID_SNAPSHOT_ARRAY);
    textOnly(codecs, Oids.PG_SNAPSHOT, "pg_snapshot", Oids.PG_SNAPSHOT_ARRAY);
  }

  private static void textOnly(List<Codec<?>> codecs, int oid, String typeName, int arrayOid) {
    addWithArray(codecs, TextCodec.textOnly(oid, typeName), arrayOid);
  }

  private static void addWithArray(List<Codec<?>> codecs, Codec<?> element, int arrayOid) {
    codecs.add(element);
    codecs.add(new ArrayCodec(arrayOid, element));
  }
}
