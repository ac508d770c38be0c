package dev.tusk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A second embedded PostgreSQL of this JVM, for TLS tests: {@code ssl=on} with certificates from
 * {@link TestCertificates}, and a {@code pg_hba.conf} with one role per TLS rule, so that a single
 * server shows every server-side configuration. The shared {@link PostgresServer} stays without
 * TLS, which is the remaining configuration (a server that answers SSLRequest with 'N').
 *
 * <p>Started on first use, stopped when the JVM exits. Not available with {@code TUSK_TEST_URL}:
 * tests should skip when {@link PostgresServer#embedded()} is false.
 */
public final class TlsServer {

  /** Logs in with its client certificate alone ({@code hostssl ... cert}). */
  public static final String CERT_USER = "tls_cert";

  /** Logs in with SCRAM-SHA-256 over TLS or plain text; password {@link #PASSWORD}. */
  public static final String SCRAM_USER = "tls_scram";

  /** Logs in with an MD5 password, over TLS or plain text; password {@link #PASSWORD}. */
  public static final String MD5_USER = "tls_md5";

  /** Logs in with a cleartext password, over TLS or plain text; password {@link #PASSWORD}. */
  public static final String CLEARTEXT_USER = "tls_password";

  /** Trusted over TLS, rejected without ({@code hostssl} only). */
  public static final String TLS_ONLY_USER = "tls_only";

  /** Trusted without TLS, rejected with it ({@code hostnossl} only). */
  public static final String PLAIN_ONLY_USER = "plain_only";

  /** The password of the password roles. */
  public static final String PASSWORD = "tls-role-secret";

  private static final List<String> ADDRESSES = List.of("127.0.0.1/32", "::1/128");
  private static final ReentrantLock START = new ReentrantLock();
  private static TlsServer instance; // guarded by START
  private static Exception startFailure; // guarded by START

  private final int port;
  private final TestCertificates certificates;

  private TlsServer(int port, TestCertificates certificates) {
    this.port = port;
    this.certificates = certificates;
  }

  /** The server, started by the first call; a failed start fails every call. */
  public static TlsServer get() {
    START.lock();
    try {
      if (instance == null && startFailure == null) {
        try {
          instance = start();
        } catch (IOException | SQLException | RuntimeException e) {
          startFailure = e;
        }
      }
      if (startFailure != null) {
        throw new IllegalStateException("the TLS test server failed to start", startFailure);
      }
      return instance;
    } finally {
      START.unlock();
    }
  }

  private static TlsServer start() throws IOException, SQLException {
    Path directory = Files.createTempDirectory("tusk-tls-");
    TestCertificates certificates = TestCertificates.generate(directory, CERT_USER);
    EmbeddedCluster cluster =
        EmbeddedCluster.start(
            Map.of(
                "ssl", "on",
                "ssl_cert_file", certificates.serverCertificate().toString(),
                "ssl_key_file", certificates.serverKey().toString(),
                "ssl_ca_file", certificates.caCertificate().toString()),
            hba());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    cluster.close();
                    FileTrees.delete(directory);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                "tusk-tls-postgres-stop"));
    Endpoint endpoint =
        new Endpoint(
            "localhost", cluster.port(), "postgres", EmbeddedCluster.SUPERUSER, null, Map.of());
    try (Connection superuser = endpoint.superuserJdbc();
        Statement statement = superuser.createStatement()) {
      String password = "'" + PASSWORD + "'";
      statement.execute("CREATE ROLE " + CERT_USER + " LOGIN");
      statement.execute("CREATE ROLE " + TLS_ONLY_USER + " LOGIN");
      statement.execute("CREATE ROLE " + PLAIN_ONLY_USER + " LOGIN");
      statement.execute("CREATE ROLE " + SCRAM_USER + " LOGIN PASSWORD " + password);
      statement.execute("CREATE ROLE " + CLEARTEXT_USER + " LOGIN PASSWORD " + password);
      statement.execute("SET password_encryption = 'md5'");
      statement.execute("CREATE ROLE " + MD5_USER + " LOGIN PASSWORD " + password);
    }
    return new TlsServer(cluster.port(), certificates);
  }

  /** The rules; the first matching line wins. */
  static String hba() {
    StringBuilder out = new StringBuilder("# Written by Tusk's TlsServer.\n");
    out.append("local all all trust\n");
    for (String address : ADDRESSES) {
      line(out, "host", EmbeddedCluster.SUPERUSER, address, "trust");
      line(out, "hostssl", CERT_USER, address, "cert");
      line(out, "host", SCRAM_USER, address, "scram-sha-256");
      line(out, "host", MD5_USER, address, "md5");
      line(out, "host", CLEARTEXT_USER, address, "password");
      line(out, "hostssl", TLS_ONLY_USER, address, "trust");
      line(out, "hostnossl", PLAIN_ONLY_USER, address, "trust");
      line(out, "host", "all", address, "reject");
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, String type, String user, String address, String method) {
    out.append(String.format("%-9s all %-14s %-13s %s\n", type, user, address, method));
  }

  /** The TCP port; the host is {@code localhost}. */
  public int port() {
    return port;
  }

  /** The certificates the server uses and trusts, and others for tests. */
  public TestCertificates certificates() {
    return certificates;
  }

  /**
   * A conninfo for {@code user} at {@code host} ({@code localhost} matches the certificate, {@code
   * 127.0.0.1} does not), followed by {@code extra} keywords.
   */
  public String conninfo(String host, String user, String extra) {
    return "host="
        + host
        + " port="
        + port
        + " dbname=postgres user="
        + user
        + " connect_timeout=10 "
        + extra;
  }
}
