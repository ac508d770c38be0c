package dev.tusk.bench.workload;

import java.util.List;

/** The workloads, in report order. */
public final class Workloads {

  private Workloads() {}

  /** Every workload, a to g, the JDBC face (j), then a, b1 and c over TLS. */
  public static List<Workload> all() {
    return List.of(
        new PointSelect(),
        new ConcurrentPointSelect(),
        new WideRead(),
        new RowDecode(),
        new BulkLoad(),
        new SingleInserts(),
        new ConnectClose(),
        new PoolAcquire(),
        new JdbcFace(),
        new OverTls());
  }

  /** Workloads that run only when named in {@code -Dbench.only}: checks on the harness itself. */
  public static List<Workload> onRequest() {
    return List.of(new HarnessCheck());
  }
}
