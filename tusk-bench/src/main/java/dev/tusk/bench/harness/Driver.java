package dev.tusk.bench.harness;

/** The client software behind a contender. */
public enum Driver {
  /** Tusk, still being written: a failure of its cell reads "not yet". */
  TUSK(true),
  /** The PostgreSQL JDBC driver. */
  PGJDBC(false),
  /** HikariCP pooling pgjdbc connections. */
  HIKARICP(false),
  /** Eclipse Vert.x's reactive PostgreSQL client. */
  VERTX(false),
  /** PostgreSQL's own benchmark client, written in C on libpq. */
  PGBENCH(false),
  /** PostgreSQL's interactive terminal, written in C on libpq. */
  PSQL(false),
  /** No driver: the protocol's messages written and read by hand, the bound on any Java client. */
  WIRE(false),
  /** No driver: the harness timing an operation that does nothing, to show its own cost. */
  HARNESS(false);

  private final boolean inProgress;

  Driver(boolean inProgress) {
    this.inProgress = inProgress;
  }

  /** Whether this driver is unfinished, so that a failure means "not yet" rather than a bug. */
  public boolean inProgress() {
    return inProgress;
  }
}
