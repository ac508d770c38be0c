package dev.tusk.bench.workload;

import dev.tusk.bench.Versions;

/** Row headings naming each driver with its version. */
final class Labels {

  static final String TUSK = "Tusk";
  static final String TUSK_JDBC = "tusk-jdbc";
  static final String PGJDBC = "pgjdbc " + Versions.pgjdbc();
  static final String HIKARI = "HikariCP " + Versions.hikaricp() + " + " + PGJDBC;
  static final String VERTX = "vertx-pg-client " + Versions.vertx();
  static final String PGBENCH = "pgbench -M prepared (C, libpq)";
  static final String BARE_WIRE = "bare wire: no driver, the messages by hand, nothing decoded";
  static final String PSQL = "psql COPY (FORMAT binary) to /dev/null (C, libpq)";
  static final String PSQL_COPY_IN = "psql \\copy (FORMAT binary) from a file (C, libpq)";

  private Labels() {}
}
