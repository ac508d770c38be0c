package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void uriGivesEveryPart() {
    Endpoint endpoint =
        Endpoint.parse("postgresql://admin:pw@db.example:6543/tests?sslmode=require");
    assertEquals(
        new Endpoint("db.example", 6543, "tests", "admin", "pw", Map.of("sslmode", "require")),
        endpoint);
  }

  @Test
  void missingPartsDefaultAsInLibpq() {
    Endpoint endpoint = Endpoint.parse("user=alice");
    assertEquals("localhost", endpoint.host());
    assertEquals(5432, endpoint.port());
    assertEquals("alice", endpoint.database());
    assertNull(endpoint.superuserPassword());
  }

  @Test
  void unixSocketHostIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("host=/var/run/postgresql"));
  }

  @Test
  void conninfoKeepsExtraKeywordsAfterTheStandardOnes() {
    Endpoint endpoint = Endpoint.parse("postgresql://admin@db:6543/tests?sslmode=require");
    assertEquals(
        "host=db port=6543 dbname=tests user=tusk_md5 password=tusk_md5_pw sslmode=require",
        endpoint.conninfo(TestRole.MD5.user(), TestRole.MD5.password()));
  }

  @Test
  void descriptionHidesThePassword() {
    Endpoint endpoint = Endpoint.parse("postgresql://admin:hunter2@db/tests");
    assertFalse(endpoint.toString().contains("hunter2"), endpoint.toString());
    assertEquals("Endpoint[admin@db:5432/tests]", endpoint.toString());
  }
}
