package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.internal.conninfo.ConnInfo;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.Environment;
import dev.tusk.internal.protocol.DataRow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order of a host walk, seen in the error that lists every host's failure: hosts on loopback
 * ports where nothing listens are refused at once, so no server is needed.
 */
class HostWalkTest {

  private final List<Integer> ports = new ArrayList<>();

  @BeforeEach
  void closedPorts() throws IOException {
    for (int i = 0; i < 4; i++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        ports.add(socket.getLocalPort());
      }
    }
  }

  @Test
  void hostsAreTriedOnceEachInTheOrderWritten() {
    assertEquals(ports, portsTried("", new Random(1)));
  }

  @Test
  void randomLoadBalancingTriesEachHostOnceInShuffledOrders() {
    Set<List<Integer>> orders = new HashSet<>();
    Random random = new Random(42);
    for (int walk = 0; walk < 40; walk++) {
      List<Integer> tried = portsTried(" load_balance_hosts=random", random);
      assertEquals(Set.copyOf(ports), Set.copyOf(tried), "each host once");
      assertEquals(ports.size(), tried.size(), "each host once");
      orders.add(tried);
    }
    // 24 orders of 4 hosts: 40 uniform draws give 12 or fewer with odds of about 2e-6.
    assertTrue(orders.size() > 12, "only " + orders.size() + " orders in 40 walks");
  }

  /** prefer-standby's second pass goes through the hosts again, in the same order. */
  @Test
  void preferStandbyWalksTheHostsTwice() {
    List<Integer> twice = new ArrayList<>(ports);
    twice.addAll(ports);
    assertEquals(twice, portsTried(" target_session_attrs=prefer-standby", new Random(1)));
  }

  /** The ports in the lines of the error the walk ends with, in order. */
  private List<Integer> portsTried(String extra, Random random) {
    String conninfo =
        "host="
            + ports.stream().map(p -> "127.0.0.1").collect(Collectors.joining(","))
            + " port="
            + ports.stream().map(String::valueOf).collect(Collectors.joining(","))
            + " user=u dbname=d connect_timeout=5"
            + extra;
    ConnectionSettings settings = ConnInfo.parse(conninfo, new Environment(Map.of(), null, "u"));
    var error =
        assertThrows(
            SqlclientUnableToEstablishSqlconnection.class,
            () -> new HostWalk(settings, random, DataRow.PLAIN).walk());
    List<Integer> tried = new ArrayList<>();
    for (String line : error.diagnostic().messagePrimary().lines().skip(1).toList()) {
      String afterHost = line.substring(line.indexOf("127.0.0.1:") + "127.0.0.1:".length());
      tried.add(Integer.parseInt(afterHost.substring(0, afterHost.indexOf(':'))));
    }
    assertEquals(tried.size(), error.getSuppressed().length);
    return tried;
  }
}
