package dev.tusk.bench.workload;

import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * a-tls, b1-tls, c-tls: tables a, b1 and c again with every Java driver over TLS ({@code
 * sslmode=require}), Tusk against pgjdbc (and HikariCP) in the same run, to show what TLS costs
 * each. Only the JDBC-family rows and Tusk's are kept: the libpq tools and vertx connect without
 * TLS. Skipped when the server has {@code ssl=off} (an external server without TLS).
 */
public final class OverTls implements Workload {

  /** The tables repeated over TLS. */
  private static final Set<String> TABLES = Set.of("a", "b1", "c");

  /** The drivers whose rows run over TLS. */
  private static final Set<Driver> OVER_TLS = Set.of(Driver.TUSK, Driver.PGJDBC, Driver.HIKARICP);

  @Override
  public List<Comparison> comparisons(Bench bench) {
    if (!serverHasTls(bench)) {
      return List.of();
    }
    Bench overTls =
        new Bench(
            bench.mode(),
            bench.endpoint().overTls(),
            bench.tlsDrivers(),
            bench.rows(),
            bench.admin(),
            bench.tlsDrivers());
    return List.of(new PointSelect(), new ConcurrentPointSelect(), new WideRead()).stream()
        .flatMap(workload -> workload.comparisons(overTls).stream())
        .filter(comparison -> TABLES.contains(comparison.id()))
        .map(OverTls::overTls)
        .toList();
  }

  private static Comparison overTls(Comparison plain) {
    List<Contender> contenders =
        plain.contenders().stream().filter(c -> OVER_TLS.contains(c.driver())).toList();
    return new Comparison(
        plain.id() + "-tls",
        plain.title() + ", over TLS",
        plain.note()
            + " Over TLS (sslmode=require, TLS 1.3 as negotiated by each driver's JDK TLS): only"
            + " the Java drivers' rows.",
        plain.schedule(),
        plain.metrics(),
        contenders);
  }

  private static boolean serverHasTls(Bench bench) {
    try {
      return bench.admin().single("SHOW ssl").equals("on");
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the server's ssl setting", e);
    }
  }
}
