package dev.tusk.internal.conninfo;

import static dev.tusk.internal.conninfo.Environments.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostListTest {

  @Test
  void onePortAppliesToAllHosts() {
    assertEquals(
        List.of(new HostPort("a", 6000), new HostPort("b", 6000), new HostPort("c", 6000)),
        parse("host=a,b,c port=6000").hosts());
  }

  @Test
  void onePortPerHost() {
    assertEquals(
        List.of(new HostPort("a", 5432), new HostPort("b", 5433)),
        parse("host=a,b port=5432,5433").hosts());
  }

  @Test
  void wrongNumberOfPortsIsAnError() {
    var error = assertThrows(ProgrammingError.class, () -> parse("host=a,b,c port=5432,5433"));
    assertEquals(
        "invalid port \"5432,5433\" in the connection string: 2 ports for 3 hosts; give one port"
            + " for all hosts or one per host",
        error.getMessage());
  }

  @Test
  void emptyElementsMeanDefaults() {
    assertEquals(
        List.of(new HostPort("a", 5432), new HostPort("localhost", 7000)),
        parse("host=a, port=,7000").hosts());
  }

  @Test
  void portsMustBeNumbersInRange() {
    for (String port : List.of("0", "65536", "-1", "x", "54 32", "1e3", "99999999999999")) {
      var error = assertThrows(ProgrammingError.class, () -> parse("port='" + port + "'"), port);
      assertTrue(error.getMessage().contains("\"" + port + "\""), error.getMessage());
      assertTrue(error.getMessage().contains("1 to 65535"), error.getMessage());
    }
    assertEquals(65535, parse("port=65535").hosts().get(0).port());
    assertEquals(1, parse("port=1").hosts().get(0).port());
  }

  @Test
  void badPortInListNamesTheElement() {
    var error = assertThrows(ProgrammingError.class, () -> parse("host=a,b port=5432,x"));
    assertTrue(error.getMessage().startsWith("invalid port \"x\""), error.getMessage());
  }

  @Test
  void hostaddrIsTheAddressWhileTheHostNameStays() {
    HostPort host = parse("host=db.example.com hostaddr=10.0.0.1").hosts().get(0);
    assertEquals(new HostPort("db.example.com", 5432, "10.0.0.1"), host);
    assertEquals("10.0.0.1", host.connectTo());
    assertEquals("db.example.com:5432 (10.0.0.1)", host.toString());
  }

  @Test
  void hostaddrListsPairWithHostLists() {
    assertEquals(
        List.of(
            new HostPort("a", 1, "10.0.0.1"), new HostPort("b", 2), new HostPort("c", 3, "::1")),
        parse("host=a,b,c hostaddr=10.0.0.1,,::1 port=1,2,3").hosts());
  }

  @Test
  void hostaddrWithASocketDirectoryMeansTcp() {
    assertEquals(
        List.of(new HostPort("127.0.0.1", 5432)), parse("host=/tmp hostaddr=127.0.0.1").hosts());
  }

  @Test
  void hostaddrAloneIsEnough() {
    assertEquals(
        List.of(new HostPort("::1", 5432), new HostPort("192.168.1.20", 5432)),
        parse("hostaddr=::1,192.168.1.20").hosts());
  }

  @Test
  void emptyHostaddrElementFallsBackToHost() {
    assertEquals(
        List.of(new HostPort("a", 1, "10.0.0.1"), new HostPort("b", 2)),
        parse("host=a,b hostaddr=10.0.0.1, port=1,2").hosts());
  }

  @Test
  void hostaddrCountMustMatchHostCount() {
    var error = assertThrows(ProgrammingError.class, () -> parse("host=a,b hostaddr=10.0.0.1"));
    assertTrue(error.getMessage().contains("1 addresses for 2 hosts"), error.getMessage());
  }

  @Test
  void hostaddrMustBeNumeric() {
    for (String address :
        List.of(
            "db.example.com", "1.2.3", "1.2.3.256", "01.2.3.4", "1.2.3.4.", "::g", ":::", "x:1")) {
      var error =
          assertThrows(ProgrammingError.class, () -> parse("hostaddr='" + address + "'"), address);
      assertTrue(error.getMessage().contains("numeric IPv4 or IPv6"), error.getMessage());
    }
  }

  @Test
  void portsPairWithHostaddrEntries() {
    assertEquals(
        List.of(new HostPort("10.0.0.1", 1), new HostPort("10.0.0.2", 2)),
        parse("hostaddr=10.0.0.1,10.0.0.2 port=1,2").hosts());
  }
}
