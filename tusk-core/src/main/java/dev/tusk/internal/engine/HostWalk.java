package dev.tusk.internal.engine;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.SqlclientUnableToEstablishSqlconnection;
import dev.tusk.errors.TuskException;
import dev.tusk.internal.conninfo.ConnectionSettings;
import dev.tusk.internal.conninfo.HostPort;
import dev.tusk.internal.conninfo.TargetSessionAttrs;
import dev.tusk.internal.protocol.DataRow;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Tries the hosts of a connection string in libpq's order and by libpq's rules:
 *
 * <ul>
 *   <li>each host name is resolved to all its addresses, and each address is tried in turn, with
 *       {@code connect_timeout} applying to each address separately;
 *   <li>{@code load_balance_hosts=random} shuffles the hosts, then each host's addresses;
 *   <li>an address that cannot be reached (refused, unroutable, a name that does not resolve) or
 *       does not answer within {@code connect_timeout} is passed over for the next one;
 *   <li>a server that does not qualify for {@code target_session_attrs} is disconnected and the
 *       next host (not the next address of the same host) is tried; {@code prefer-standby} makes a
 *       second pass over the hosts, taking any server, when no standby answered;
 *   <li>any other failure (the server's error during start-up, such as a wrong password, or a TLS
 *       failure) ends the attempt, as in libpq: the remaining hosts are not tried.
 * </ul>
 *
 * When every host fails, one error lists each host's reason.
 */
final class HostWalk {

  private static final Pattern NUMERIC_IPV4 = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

  private final ConnectionSettings settings;
  private final RandomGenerator random;
  private final DataRow.Maker rows;
  private final List<TuskException> failures = new ArrayList<>();

  HostWalk(ConnectionSettings settings, RandomGenerator random, DataRow.Maker rows) {
    this.settings = settings;
    this.random = random;
    this.rows = rows;
  }

  /**
   * Connects as {@code settings} say, shuffling with a per-thread generator if asked to; the
   * session's DataRows are what {@code rows} makes of them.
   */
  static Session open(ConnectionSettings settings, DataRow.Maker rows) {
    return new HostWalk(settings, ThreadLocalRandom.current(), rows).walk();
  }

  Session walk() {
    List<HostPort> hosts = shuffled(settings.hosts());
    TargetSessionAttrs target = settings.targetSessionAttrs();
    Optional<Session> session = pass(hosts, target);
    if (session.isEmpty() && target == TargetSessionAttrs.PREFER_STANDBY) {
      session = pass(hosts, TargetSessionAttrs.ANY);
    }
    return session.orElseThrow(this::allFailed);
  }

  private Optional<Session> pass(List<HostPort> hosts, TargetSessionAttrs target) {
    for (HostPort host : hosts) {
      for (HostPort address : addresses(host)) {
        Session session;
        try {
          session = Startup.openAddress(settings, address, rows);
        } catch (Startup.Unreachable e) {
          failures.add(e.failure());
          continue;
        } catch (TuskException e) {
          failures.forEach(e::addSuppressed);
          throw e;
        }
        Optional<String> refusal;
        try {
          refusal = ServerRole.refusal(session, target, settings.connectTimeout());
        } catch (RuntimeException | Error e) {
          session.close();
          throw e;
        }
        if (refusal.isEmpty()) {
          return Optional.of(session);
        }
        session.close();
        failures.add(refused(address, refusal.get()));
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The addresses to try for {@code host}: itself when it is a socket or has an address already,
   * else every address its name resolves to (none, with the failure noted, when it resolves to
   * none).
   */
  private List<HostPort> addresses(HostPort host) {
    if (host.isUnixSocket() || host.address() != null || isAddress(host.host())) {
      return List.of(host);
    }
    try {
      List<HostPort> addresses = new ArrayList<>();
      for (InetAddress address : InetAddress.getAllByName(host.host())) {
        addresses.add(host.at(address.getHostAddress()));
      }
      return shuffled(addresses);
    } catch (UnknownHostException e) {
      failures.add(
          new SqlclientUnableToEstablishSqlconnection(
              Diagnostic.client(
                  "08001",
                  "could not translate host name \""
                      + host.host()
                      + "\" to an address: "
                      + e.getMessage()),
              e));
      return List.of();
    }
  }

  /** An IPv4 or IPv6 address, which needs no resolving (a host name has no colon). */
  private static boolean isAddress(String host) {
    return host.indexOf(':') >= 0 || NUMERIC_IPV4.matcher(host).matches();
  }

  /** {@code items} in random order if {@code load_balance_hosts=random}, else as they are. */
  private <T> List<T> shuffled(List<T> items) {
    if (!settings.loadBalanceHosts()) {
      return items;
    }
    List<T> copy = new ArrayList<>(items);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      copy.set(j, copy.set(i, copy.get(j)));
    }
    return copy;
  }

  private TuskException refused(HostPort address, String reason) {
    return new SqlclientUnableToEstablishSqlconnection(
        Diagnostic.client(
            "08001",
            "server at "
                + address
                + " does not qualify: "
                + reason
                + " (target_session_attrs="
                + settings.targetSessionAttrs().keyword()
                + ")"));
  }

  /** The one failure, or one error listing every host's, each also kept as a suppressed one. */
  private TuskException allFailed() {
    if (failures.size() == 1) {
      return failures.get(0);
    }
    StringBuilder message =
        new StringBuilder("could not connect to any of the servers in the connection string");
    if (settings.targetSessionAttrs() != TargetSessionAttrs.ANY) {
      message.append(" with target_session_attrs=").append(settings.targetSessionAttrs().keyword());
    }
    message.append(':');
    for (TuskException failure : failures) {
      message.append("\n  ").append(reason(failure));
    }
    TuskException error =
        new SqlclientUnableToEstablishSqlconnection(
            Diagnostic.client("08001", message.toString()), failures.get(failures.size() - 1));
    failures.forEach(error::addSuppressed);
    return error;
  }

  /** A failure's own text, without the decorations of its message. */
  private static String reason(TuskException failure) {
    return failure instanceof DatabaseError error
        ? error.diagnostic().messagePrimary()
        : failure.getMessage();
  }
}
