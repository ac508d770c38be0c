package dev.tusk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.ProgrammingError;
import org.junit.jupiter.api.Test;

class XidTest {

  @Test
  void theGidIsPsycopgsAndPgjdbcsForm() {
    // psycopg: Xid(42, "gtrid", "bqual") is prepared as "42_Z3RyaWQ=_YnF1YWw="
    assertEquals("42_Z3RyaWQ=_YnF1YWw=", Xid.of(42, "gtrid", "bqual").gid());
    assertEquals(Xid.of(42, "gtrid", "bqual"), Xid.fromGid("42_Z3RyaWQ=_YnF1YWw="));
  }

  @Test
  void formattedXidsRoundTripThroughTheirGid() {
    Xid xid = Xid.of(0, "ünï_code/+", "");
    assertEquals(xid, Xid.fromGid(xid.gid()));
  }

  @Test
  void otherNamesAreBareXids() {
    assertEquals(Xid.of("plain"), Xid.fromGid("plain"));
    assertEquals(Xid.of("1_not base64_x"), Xid.fromGid("1_not base64_x"));
    assertEquals(Xid.of("1_!!_x"), Xid.fromGid("1_!!_x"));
    assertEquals("plain", Xid.of("plain").gid());
  }

  @Test
  void invalidPartsAreRefused() {
    assertThrows(ProgrammingError.class, () -> Xid.of(-1, "g", "b"));
    assertThrows(ProgrammingError.class, () -> Xid.of(1, "g".repeat(65), "b"));
    assertThrows(ProgrammingError.class, () -> new Xid(1, "g", null));
    assertThrows(ProgrammingError.class, () -> new Xid(null, "g", "b"));
    assertThrows(ProgrammingError.class, () -> Xid.of("n".repeat(200)));
  }
}
