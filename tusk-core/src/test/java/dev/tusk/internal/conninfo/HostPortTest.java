package dev.tusk.internal.conninfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostPortTest {

  @Test
  void absolutePathIsSocketDirectory() {
    HostPort socket = new HostPort("/run/postgresql", 5433);
    assertTrue(socket.isUnixSocket());
    assertEquals(Path.of("/run/postgresql/.s.PGSQL.5433"), socket.unixSocketPath());
  }

  @Test
  void hostNameIsTcp() {
    HostPort tcp = new HostPort("db", 5432);
    assertFalse(tcp.isUnixSocket());
    assertThrows(IllegalStateException.class, tcp::unixSocketPath);
  }

  @Test
  void toStringBracketsIpv6() {
    assertEquals("[::1]:5432", new HostPort("::1", 5432).toString());
    assertEquals("db:5432", new HostPort("db", 5432).toString());
    assertEquals("/tmp:5432", new HostPort("/tmp", 5432).toString());
  }

  @Test
  void rejectsImpossibleValues() {
    assertThrows(IllegalArgumentException.class, () -> new HostPort("", 5432));
    assertThrows(IllegalArgumentException.class, () -> new HostPort("db", 0));
    assertThrows(IllegalArgumentException.class, () -> new HostPort("db", 65536));
  }
}
