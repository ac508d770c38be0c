package dev.tusk.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pgbouncer in front of the embedded server, for tests of how Tusk behaves behind a pooler: the
 * operating system's package (e.g. Debian's {@code pgbouncer}, 1.18 on Debian 12) by default, or a
 * given {@link PgBouncerBinary}, such as the 1.24.1 that {@code .ci/pgbouncer} builds, for tests
 * that need a later release ({@code PgBouncerBinary.find("1.21")}). Tests should skip, saying why,
 * where none is found; CI installs the package and builds 1.24.1.
 */
public final class PgBouncer implements AutoCloseable {

  private final Process process;
  private final PgBouncerBinary binary;
  private final Path directory;
  private final int port;
  private final PostgresServer server;

  private PgBouncer(
      Process process, PgBouncerBinary binary, Path directory, int port, PostgresServer server) {
    this.process = process;
    this.binary = binary;
    this.directory = directory;
    this.port = port;
    this.server = server;
  }

  /** The operating system's pgbouncer executable, if installed. */
  public static Optional<Path> binary() {
    return PgBouncerBinary.system().map(PgBouncerBinary::path);
  }

  /**
   * Starts the operating system's pgbouncer in front of {@code server} (reached as its superuser,
   * {@code trust}) with {@code pool_mode} and further {@code [pgbouncer]} settings, and waits until
   * it listens.
   */
  public static PgBouncer start(PostgresServer server, String poolMode, Map<String, String> extra)
      throws IOException {
    PgBouncerBinary binary =
        PgBouncerBinary.system().orElseThrow(() -> new IOException("pgbouncer is not installed"));
    return start(binary, server, poolMode, extra);
  }

  /** Like {@link #start(PostgresServer, String, Map)}, running {@code binary}. */
  public static PgBouncer start(
      PgBouncerBinary binary, PostgresServer server, String poolMode, Map<String, String> extra)
      throws IOException {
    Path directory = Files.createTempDirectory("tusk-pgbouncer-");
    int port = freePort();
    StringBuilder ini = new StringBuilder();
    ini.append("[databases]\n* = host=127.0.0.1 port=").append(server.port()).append('\n');
    ini.append("[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = ").append(port).append('\n');
    ini.append("auth_type = trust\nauth_file = ").append(directory.resolve("users.txt"));
    ini.append("\npool_mode = ").append(poolMode).append("\nunix_socket_dir =\n");
    extra.forEach((key, value) -> ini.append(key).append(" = ").append(value).append('\n'));
    Files.writeString(directory.resolve("pgbouncer.ini"), ini);
    Files.writeString(directory.resolve("users.txt"), '"' + server.superuser() + "\" \"\"\n");
    List<String> command = new ArrayList<>(List.of(binary.path().toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      // pgbouncer refuses to run as root; the files must be readable by the user it becomes.
      command.addAll(List.of("-u", userOtherThanRoot()));
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    command.add(directory.resolve("pgbouncer.ini").toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("pgbouncer.log").toFile())
            .start();
    PgBouncer bouncer = new PgBouncer(process, binary, directory, port, server);
    bouncer.awaitListening();
    return bouncer;
  }

  private static String userOtherThanRoot() throws IOException {
    // Debian's package creates "postgres"; "nobody" exists everywhere else.
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      if (line.startsWith("postgres:")) {
        return "postgres";
      }
    }
    return "nobody";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String log = Files.readString(directory.resolve("pgbouncer.log"));
        close();
        throw new IOException("pgbouncer exited: " + log);
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for pgbouncer", e);
        }
      }
    }
    close();
    throw new IOException("pgbouncer did not listen on port " + port + " within 10 s");
  }

  /** The version of the pgbouncer that runs, as it reports it (e.g. {@code 1.24.1}). */
  public String version() {
    return binary.version();
  }

  @Override
  public String toString() {
    return binary + " on 127.0.0.1:" + port;
  }

  /** A conninfo for the server's superuser through pgbouncer. */
  public String conninfo() {
    return "host=127.0.0.1 port="
        + port
        + " user="
        + server.superuser()
        + " dbname="
        + server.database()
        + " connect_timeout=10";
  }

  /** Stops pgbouncer and deletes its files. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    FileTrees.delete(directory);
  }
}
