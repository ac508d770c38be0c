package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import javax.transaction.xa.XAException;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** XA identifiers as prepared transaction names, in the form pgjdbc and Tusk share. */
class XaIdsTest {

  @Test
  void rawBytesSurviveTheName() throws XAException {
    Xid xid =
        new XaIds.RecoveredXid(
            7, "global".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 0, 1});
    String gid = XaIds.gid(xid);
    assertEquals("7_Z2xvYmFs_/wAB", gid);
    Xid parsed = XaIds.parse(gid);
    assertEquals(xid, parsed);
    assertArrayEquals(new byte[] {(byte) 0xff, 0, 1}, parsed.getBranchQualifier());
  }

  @Test
  void theFormTuskUsesForUtf8IdsIsTheSame() throws XAException {
    Xid xid =
        new XaIds.RecoveredXid(
            1, "g".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8));
    assertEquals(dev.tusk.Xid.of(1, "g", "b").gid(), XaIds.gid(xid));
  }

  @Test
  void otherNamesAreNotXids() {
    assertNull(XaIds.parse("nightly-batch"));
    assertNull(XaIds.parse("x_Zw==_Yg=="));
    assertNull(XaIds.parse("1_not base64!_Yg=="));
    assertNull(XaIds.parse("-1_Zw==_Yg=="));
  }

  @Test
  void theNullXidIsRefused() {
    Xid nullXid = new XaIds.RecoveredXid(-1, new byte[0], new byte[0]);
    assertEquals(
        XAException.XAER_INVAL,
        assertThrows(XAException.class, () -> XaIds.gid(nullXid)).errorCode);
  }
}
