// Generated from tusk-core/src/data/pg_type.tsv by dev.tusk.types.generator.OidsGenerator.
// Do not edit.
package dev.tusk.types;

/**
 * OIDs of PostgreSQL's built-in types, as assigned in pg_type (they never change between versions;
 * a type added by a later version is simply unknown to an older server).
 */
public final class Oids {

  /** Parameter type left unspecified: the server infers it from the statement. */
  public static final int UNSPECIFIED = 0;

  /** {@code bool}. */
  public static final int BOOL = 16;

  /** {@code bytea}. */
  public static final int BYTEA = 17;

  /** The single-byte {@code "char"} type, not {@code char(n)} (which is {@link #BPCHAR}). */
  public static final int CHAR = 18;

  /** {@code name}. */
  public static final int NAME = 19;

  /** {@code int8}. */
  public static final int INT8 = 20;

  /** {@code int2}. */
  public static final int INT2 = 21;

  /** {@code int2vector}. */
  public static final int INT2VECTOR = 22;

  /** {@code int4}. */
  public static final int INT4 = 23;

  /** {@code regproc}. */
  public static final int REGPROC = 24;

  /** {@code text}. */
  public static final int TEXT = 25;

  /** {@code oid}. */
  public static final int OID = 26;

  /** {@code tid}. */
  public static final int TID = 27;

  /** {@code xid}. */
  public static final int XID = 28;

  /** {@code cid}. */
  public static final int CID = 29;

  /** {@code oidvector}. */
  public static final int OIDVECTOR = 30;

  /** {@code pg_ddl_command}. */
  public static final int PG_DDL_COMMAND = 32;

  /** {@code json}. */
  public static final int JSON = 114;

  /** {@code xml}. */
  public static final int XML = 142;

  /** {@code xml[]}. */
  public static final int XML_ARRAY = 143;

  /** {@code pg_node_tree}. */
  public static final int PG_NODE_TREE = 194;

  /** {@code json[]}. */
  public static final int JSON_ARRAY = 199;

  /** {@code table_am_handler}. */
  public static final int TABLE_AM_HANDLER = 269;

  /** {@code xid8[]}. */
  public static final int XID8_ARRAY = 271;

  /** {@code index_am_handler}. */
  public static final int INDEX_AM_HANDLER = 325;

  /** {@code point}. */
  public static final int POINT = 600;

  /** {@code lseg}. */
  public static final int LSEG = 601;

  /** {@code path}. */
  public static final int PATH = 602;

  /** {@code box}. */
  public static final int BOX = 603;

  /** {@code polygon}. */
  public static final int POLYGON = 604;

  /** {@code line}. */
  public static final int LINE = 628;

  /** {@code line[]}. */
  public static final int LINE_ARRAY = 629;

  /** {@code cidr}. */
  public static final int CIDR = 650;

  /** {@code cidr[]}. */
  public static final int CIDR_ARRAY = 651;

  /** {@code float4}. */
  public static final int FLOAT4 = 700;

  /** {@code float8}. */
  public static final int FLOAT8 = 701;

  /** {@code unknown}. */
  public static final int UNKNOWN = 705;

  /** {@code circle}. */
  public static final int CIRCLE = 718;

  /** {@code circle[]}. */
  public static final int CIRCLE_ARRAY = 719;

  /** {@code macaddr8}. */
  public static final int MACADDR8 = 774;

  /** {@code macaddr8[]}. */
  public static final int MACADDR8_ARRAY = 775;

  /** {@code money}. */
  public static final int MONEY = 790;

  /** {@code money[]}. */
  public static final int MONEY_ARRAY = 791;

  /** {@code macaddr}. */
  public static final int MACADDR = 829;

  /** {@code inet}. */
  public static final int INET = 869;

  /** {@code bool[]}. */
  public static final int BOOL_ARRAY = 1000;

  /** {@code bytea[]}. */
  public static final int BYTEA_ARRAY = 1001;

  /** {@code char[]}. */
  public static final int CHAR_ARRAY = 1002;

  /** {@code name[]}. */
  public static final int NAME_ARRAY = 1003;

  /** {@code int2[]}. */
  public static final int INT2_ARRAY = 1005;

  /** {@code int2vector[]}. */
  public static final int INT2VECTOR_ARRAY = 1006;

  /** {@code int4[]}. */
  public static final int INT4_ARRAY = 1007;

  /** {@code regproc[]}. */
  public static final int REGPROC_ARRAY = 1008;

  /** {@code text[]}. */
  public static final int TEXT_ARRAY = 1009;

  /** {@code tid[]}. */
  public static final int TID_ARRAY = 1010;

  /** {@code xid[]}. */
  public static final int XID_ARRAY = 1011;

  /** {@code cid[]}. */
  public static final int CID_ARRAY = 1012;

  /** {@code oidvector[]}. */
  public static final int OIDVECTOR_ARRAY = 1013;

  /** {@code bpchar[]}. */
  public static final int BPCHAR_ARRAY = 1014;

  /** {@code varchar[]}. */
  public static final int VARCHAR_ARRAY = 1015;

  /** {@code int8[]}. */
  public static final int INT8_ARRAY = 1016;

  /** {@code point[]}. */
  public static final int POINT_ARRAY = 1017;

  /** {@code lseg[]}. */
  public static final int LSEG_ARRAY = 1018;

  /** {@code path[]}. */
  public static final int PATH_ARRAY = 1019;

  /** {@code box[]}. */
  public static final int BOX_ARRAY = 1020;

  /** {@code float4[]}. */
  public static final int FLOAT4_ARRAY = 1021;

  /** {@code float8[]}. */
  public static final int FLOAT8_ARRAY = 1022;

  /** {@code polygon[]}. */
  public static final int POLYGON_ARRAY = 1027;

  /** {@code oid[]}. */
  public static final int OID_ARRAY = 1028;

  /** {@code aclitem}. */
  public static final int ACLITEM = 1033;

  /** {@code aclitem[]}. */
  public static final int ACLITEM_ARRAY = 1034;

  /** {@code macaddr[]}. */
  public static final int MACADDR_ARRAY = 1040;

  /** {@code inet[]}. */
  public static final int INET_ARRAY = 1041;

  /** {@code bpchar}. */
  public static final int BPCHAR = 1042;

  /** {@code varchar}. */
  public static final int VARCHAR = 1043;

  /** {@code date}. */
  public static final int DATE = 1082;

  /** {@code time}. */
  public static final int TIME = 1083;

  /** {@code timestamp}. */
  public static final int TIMESTAMP = 1114;

  /** {@code timestamp[]}. */
  public static final int TIMESTAMP_ARRAY = 1115;

  /** {@code date[]}. */
  public static final int DATE_ARRAY = 1182;

  /** {@code time[]}. */
  public static final int TIME_ARRAY = 1183;

  /** {@code timestamptz}. */
  public static final int TIMESTAMPTZ = 1184;

  /** {@code timestamptz[]}. */
  public static final int TIMESTAMPTZ_ARRAY = 1185;

  /** {@code interval}. */
  public static final int INTERVAL = 1186;

  /** {@code interval[]}. */
  public static final int INTERVAL_ARRAY = 1187;

  /** {@code numeric[]}. */
  public static final int NUMERIC_ARRAY = 1231;

  /** {@code cstring[]}. */
  public static final int CSTRING_ARRAY = 1263;

  /** {@code timetz}. */
  public static final int TIMETZ = 1266;

  /** {@code timetz[]}. */
  public static final int TIMETZ_ARRAY = 1270;

  /** {@code bit}. */
  public static final int BIT = 1560;

  /** {@code bit[]}. */
  public static final int BIT_ARRAY = 1561;

  /** {@code varbit}. */
  public static final int VARBIT = 1562;

  /** {@code varbit[]}. */
  public static final int VARBIT_ARRAY = 1563;

  /** {@code numeric}. */
  public static final int NUMERIC = 1700;

  /** {@code refcursor}. */
  public static final int REFCURSOR = 1790;

  /** {@code refcursor[]}. */
  public static final int REFCURSOR_ARRAY = 2201;

  /** {@code regprocedure}. */
  public static final int REGPROCEDURE = 2202;

  /** {@code regoper}. */
  public static final int REGOPER = 2203;

  /** {@code regoperator}. */
  public static final int REGOPERATOR = 2204;

  /** {@code regclass}. */
  public static final int REGCLASS = 2205;

  /** {@code regtype}. */
  public static final int REGTYPE = 2206;

  /** {@code regprocedure[]}. */
  public static final int REGPROCEDURE_ARRAY = 2207;

  /** {@code regoper[]}. */
  public static final int REGOPER_ARRAY = 2208;

  /** {@code regoperator[]}. */
  public static final int REGOPERATOR_ARRAY = 2209;

  /** {@code regclass[]}. */
  public static final int REGCLASS_ARRAY = 2210;

  /** {@code regtype[]}. */
  public static final int REGTYPE_ARRAY = 2211;

  /** {@code record}. */
  public static final int RECORD = 2249;

  /** {@code cstring}. */
  public static final int CSTRING = 2275;

  /** {@code any}. */
  public static final int ANY = 2276;

  /** {@code anyarray}. */
  public static final int ANYARRAY = 2277;

  /** {@code void}. */
  public static final int VOID = 2278;

  /** {@code trigger}. */
  public static final int TRIGGER = 2279;

  /** {@code language_handler}. */
  public static final int LANGUAGE_HANDLER = 2280;

  /** {@code internal}. */
  public static final int INTERNAL = 2281;

  /** {@code anyelement}. */
  public static final int ANYELEMENT = 2283;

  /** {@code record[]}. */
  public static final int RECORD_ARRAY = 2287;

  /** {@code anynonarray}. */
  public static final int ANYNONARRAY = 2776;

  /** {@code txid_snapshot[]}. */
  public static final int TXID_SNAPSHOT_ARRAY = 2949;

  /** {@code uuid}. */
  public static final int UUID = 2950;

  /** {@code uuid[]}. */
  public static final int UUID_ARRAY = 2951;

  /** {@code txid_snapshot}. */
  public static final int TXID_SNAPSHOT = 2970;

  /** {@code fdw_handler}. */
  public static final int FDW_HANDLER = 3115;

  /** {@code pg_lsn}. */
  public static final int PG_LSN = 3220;

  /** {@code pg_lsn[]}. */
  public static final int PG_LSN_ARRAY = 3221;

  /** {@code tsm_handler}. */
  public static final int TSM_HANDLER = 3310;

  /** {@code pg_ndistinct}. */
  public static final int PG_NDISTINCT = 3361;

  /** {@code pg_dependencies}. */
  public static final int PG_DEPENDENCIES = 3402;

  /** {@code anyenum}. */
  public static final int ANYENUM = 3500;

  /** {@code tsvector}. */
  public static final int TSVECTOR = 3614;

  /** {@code tsquery}. */
  public static final int TSQUERY = 3615;

  /** {@code gtsvector}. */
  public static final int GTSVECTOR = 3642;

  /** {@code tsvector[]}. */
  public static final int TSVECTOR_ARRAY = 3643;

  /** {@code gtsvector[]}. */
  public static final int GTSVECTOR_ARRAY = 3644;

  /** {@code tsquery[]}. */
  public static final int TSQUERY_ARRAY = 3645;

  /** {@code regconfig}. */
  public static final int REGCONFIG = 3734;

  /** {@code regconfig[]}. */
  public static final int REGCONFIG_ARRAY = 3735;

  /** {@code regdictionary}. */
  public static final int REGDICTIONARY = 3769;

  /** {@code regdictionary[]}. */
  public static final int REGDICTIONARY_ARRAY = 3770;

  /** {@code jsonb}. */
  public static final int JSONB = 3802;

  /** {@code jsonb[]}. */
  public static final int JSONB_ARRAY = 3807;

  /** {@code anyrange}. */
  public static final int ANYRANGE = 3831;

  /** {@code event_trigger}. */
  public static final int EVENT_TRIGGER = 3838;

  /** {@code int4range}. */
  public static final int INT4RANGE = 3904;

  /** {@code int4range[]}. */
  public static final int INT4RANGE_ARRAY = 3905;

  /** {@code numrange}. */
  public static final int NUMRANGE = 3906;

  /** {@code numrange[]}. */
  public static final int NUMRANGE_ARRAY = 3907;

  /** {@code tsrange}. */
  public static final int TSRANGE = 3908;

  /** {@code tsrange[]}. */
  public static final int TSRANGE_ARRAY = 3909;

  /** {@code tstzrange}. */
  public static final int TSTZRANGE = 3910;

  /** {@code tstzrange[]}. */
  public static final int TSTZRANGE_ARRAY = 3911;

  /** {@code daterange}. */
  public static final int DATERANGE = 3912;

  /** {@code daterange[]}. */
  public static final int DATERANGE_ARRAY = 3913;

  /** {@code int8range}. */
  public static final int INT8RANGE = 3926;

  /** {@code int8range[]}. */
  public static final int INT8RANGE_ARRAY = 3927;

  /** {@code jsonpath}. */
  public static final int JSONPATH = 4072;

  /** {@code jsonpath[]}. */
  public static final int JSONPATH_ARRAY = 4073;

  /** {@code regnamespace}. */
  public static final int REGNAMESPACE = 4089;

  /** {@code regnamespace[]}. */
  public static final int REGNAMESPACE_ARRAY = 4090;

  /** {@code regrole}. */
  public static final int REGROLE = 4096;

  /** {@code regrole[]}. */
  public static final int REGROLE_ARRAY = 4097;

  /** {@code regcollation}. */
  public static final int REGCOLLATION = 4191;

  /** {@code regcollation[]}. */
  public static final int REGCOLLATION_ARRAY = 4192;

  /** {@code int4multirange}. */
  public static final int INT4MULTIRANGE = 4451;

  /** {@code nummultirange}. */
  public static final int NUMMULTIRANGE = 4532;

  /** {@code tsmultirange}. */
  public static final int TSMULTIRANGE = 4533;

  /** {@code tstzmultirange}. */
  public static final int TSTZMULTIRANGE = 4534;

  /** {@code datemultirange}. */
  public static final int DATEMULTIRANGE = 4535;

  /** {@code int8multirange}. */
  public static final int INT8MULTIRANGE = 4536;

  /** {@code anymultirange}. */
  public static final int ANYMULTIRANGE = 4537;

  /** {@code anycompatiblemultirange}. */
  public static final int ANYCOMPATIBLEMULTIRANGE = 4538;

  /** {@code pg_brin_bloom_summary}. */
  public static final int PG_BRIN_BLOOM_SUMMARY = 4600;

  /** {@code pg_brin_minmax_multi_summary}. */
  public static final int PG_BRIN_MINMAX_MULTI_SUMMARY = 4601;

  /** {@code pg_mcv_list}. */
  public static final int PG_MCV_LIST = 5017;

  /** {@code pg_snapshot}. */
  public static final int PG_SNAPSHOT = 5038;

  /** {@code pg_snapshot[]}. */
  public static final int PG_SNAPSHOT_ARRAY = 5039;

  /** {@code xid8}. */
  public static final int XID8 = 5069;

  /** {@code anycompatible}. */
  public static final int ANYCOMPATIBLE = 5077;

  /** {@code anycompatiblearray}. */
  public static final int ANYCOMPATIBLEARRAY = 5078;

  /** {@code anycompatiblenonarray}. */
  public static final int ANYCOMPATIBLENONARRAY = 5079;

  /** {@code anycompatiblerange}. */
  public static final int ANYCOMPATIBLERANGE = 5080;

  /** {@code int4multirange[]}. */
  public static final int INT4MULTIRANGE_ARRAY = 6150;

  /** {@code nummultirange[]}. */
  public static final int NUMMULTIRANGE_ARRAY = 6151;

  /** {@code tsmultirange[]}. */
  public static final int TSMULTIRANGE_ARRAY = 6152;

  /** {@code tstzmultirange[]}. */
  public static final int TSTZMULTIRANGE_ARRAY = 6153;

  /** {@code datemultirange[]}. */
  public static final int DATEMULTIRANGE_ARRAY = 6155;

  /** {@code int8multirange[]}. */
  public static final int INT8MULTIRANGE_ARRAY = 6157;

  private Oids() {}
}
