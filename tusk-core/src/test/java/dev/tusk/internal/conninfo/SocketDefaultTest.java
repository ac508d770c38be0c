package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a host, Tusk connects as libpq does: to the local server's Unix-domain socket, found in
 * the first socket directory that holds {@code .s.PGSQL.<port>}, and only then to localhost.
 */
class SocketDefaultTest {

  @TempDir Path root;

  private Environment withSockets(Path... directories) {
    return new Environment(Map.of(), null, "alice", List.of(directories));
  }

  private Path directoryWithSocket(String name, int port) throws IOException {
    Path directory = Files.createDirectories(root.resolve(name));
    Files.createFile(directory.resolve(".s.PGSQL." + port));
    return directory;
  }

  @Test
  void aHostlessUriUsesTheFirstDirectoryHoldingTheSocket() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));
    Path first = directoryWithSocket("first", 5432);
    Path second = directoryWithSocket("second", 5432);
    ConnectionSettings settings =
        ConnInfo.parse("postgresql:///app", withSockets(empty, first, second));
    assertEquals(List.of(new HostPort(first.toString(), 5432)), settings.hosts());
    assertEquals("app", settings.database());
  }

  @Test
  void aHostlessKeyValueStringLooksForTheSocketOfItsPort() throws IOException {
    Path other = directoryWithSocket("other", 5432);
    Path mine = directoryWithSocket("mine", 6543);
    ConnectionSettings settings = ConnInfo.parse("port=6543 dbname=app", withSockets(other, mine));
    assertEquals(List.of(new HostPort(mine.toString(), 6543)), settings.hosts());
  }

  @Test
  void withoutASocketTheDefaultIsLocalhost() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));
    Path missing = root.resolve("missing");
    assertEquals(
        List.of(new HostPort("localhost", 5432)),
        ConnInfo.parse("dbname=app", withSockets(empty, missing)).hosts());
  }

  @Test
  void anEmptyHostInAListIsTheDefaultToo() throws IOException {
    Path sockets = directoryWithSocket("sockets", 5432);
    assertEquals(
        List.of(new HostPort("db1", 5432), new HostPort(sockets.toString(), 5432)),
        ConnInfo.parse("host=db1, dbname=app", withSockets(sockets)).hosts());
  }

  @Test
  void aGivenHostOrPghostWins() throws IOException {
    Path sockets = directoryWithSocket("sockets", 5432);
    assertEquals(
        List.of(new HostPort("db", 5432)), ConnInfo.parse("host=db", withSockets(sockets)).hosts());
    Environment pghost =
        new Environment(Map.of("PGHOST", "/elsewhere"), null, "alice", List.of(sockets));
    assertEquals(List.of(new HostPort("/elsewhere", 5432)), ConnInfo.parse("", pghost).hosts());
  }

  @Test
  void theRealEnvironmentLooksWhereLinuxPackagesAndUpstreamPutTheSocket() {
    assertEquals(
        List.of(Path.of("/run/postgresql"), Path.of("/var/run/postgresql"), Path.of("/tmp")),
        Environment.system().socketDirectories());
  }
}
