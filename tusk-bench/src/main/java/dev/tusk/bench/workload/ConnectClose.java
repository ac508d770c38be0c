package dev.tusk.bench.workload;

import dev.tusk.bench.harness.Comparison;
import dev.tusk.bench.harness.Contender;
import dev.tusk.bench.harness.Driver;
import dev.tusk.bench.harness.Metric;
import dev.tusk.bench.server.Auth;
import dev.tusk.bench.server.Login;
import java.util.ArrayList;
import java.util.List;

/** f. Opening and closing a physical connection, once per authentication method. */
public final class ConnectClose implements Workload {

  @Override
  public List<Comparison> comparisons(Bench bench) {
    List<Comparison> comparisons = new ArrayList<>();
    for (Auth auth : Auth.values()) {
      Login login = bench.endpoint().logins().get(auth);
      if (login != null) {
        comparisons.add(comparison(bench, auth, login));
      }
    }
    return comparisons;
  }

  private static Comparison comparison(Bench bench, Auth auth, Login login) {
    var drivers = bench.drivers();
    var mode = bench.mode();
    return new Comparison(
        "f-" + auth.id(),
        "f. Open and close a physical connection, " + auth.label(),
        "Connect over TCP without TLS, authenticate, close; back to back on one platform thread.",
        mode.schedule(),
        List.of(Metric.CONNECTIONS_PER_SECOND, Metric.P50_MICROS, Metric.P99_MICROS),
        List.of(
            Contender.of(
                Labels.TUSK,
                Driver.TUSK,
                () -> Probes.connections(mode, drivers.tusk().connectionCycle(login))),
            Contender.baseline(
                Labels.PGJDBC,
                Driver.PGJDBC,
                () -> Probes.connections(mode, drivers.pgjdbc().connectionCycle(login))),
            Contender.of(
                Labels.VERTX,
                Driver.VERTX,
                () -> Probes.connections(mode, drivers.vertx().connectionCycle(login)))));
  }
}
