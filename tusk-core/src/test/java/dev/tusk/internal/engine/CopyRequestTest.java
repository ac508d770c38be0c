package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.ExtendedQueryTest.error;
import static dev.tusk.internal.engine.Scripted.failure;
import static dev.tusk.internal.engine.Scripted.feed;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.UndefinedTable;
import dev.tusk.internal.protocol.CommandComplete;
import dev.tusk.internal.protocol.CopyData;
import dev.tusk.internal.protocol.CopyDone;
import dev.tusk.internal.protocol.CopyInResponse;
import dev.tusk.internal.protocol.CopyOutResponse;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.FrontendMessages;
import dev.tusk.internal.protocol.RowDescription;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY exchange driven by scripted messages, and the write gate it holds. */
class CopyRequestTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCopyInStartsAtCopyInResponseAndEndsWithItsRowCount() {
    CopyRequest copy = new CopyRequest("COPY t FROM STDIN (FORMAT binary)");
    assertFalse(copy.started());
    assertEquals(-1, copy.format());
    assertFalse(copy.handle(new CopyInResponse(1, new int[] {1, 1}), null));
    assertTrue(copy.started());
    assertTrue(copy.copiesIn());
    assertEquals(1, copy.format());
    assertEquals(2, copy.columnCount());
    assertEquals(5L, run(copy, new CommandComplete("COPY 5"), idle()));
  }

  @Test
  void aCopyOutStreamsItsChunksInOrderAndOpensTheGateAtItsStart() throws Exception {
    CopyRequest copy = new CopyRequest("COPY t TO STDOUT");
    try (Loopback loopback = Loopback.open()) {
      Outbound outbound = loopback.outbound();
      outbound.appendGated(copy::encode, copy);
      outbound.append(out -> FrontendMessages.query(out, "SELECT 1"));
      assertFalse(copy.handle(new CopyOutResponse(0, new int[] {0}), outbound));
      assertFalse(copy.copiesIn());
      for (String row : List.of("1\n", "2\n", "3\n")) {
        assertFalse(copy.handle(new CopyData(bytes(row)), outbound));
      }
      assertTrue(copy.hasData());
      List<byte[]> chunks = copy.take();
      assertEquals(3, chunks.size());
      assertArrayEquals(bytes("2\n"), chunks.get(1));
      assertFalse(copy.hasData());
      feed(copy, outbound, CopyDone.INSTANCE, new CommandComplete("COPY 3"), idle());
      assertEquals(3L, copy.future().join());
      // The request held behind the gate went out once the COPY TO started.
      assertArrayEquals(
          new Expected().message('Q', "COPY t TO STDOUT").message('Q', "SELECT 1").toByteArray(),
          loopback.drain(outbound));
    }
  }

  @Test
  void aFullCopyOutBufferStallsTheReaderUntilTaken() {
    CopyRequest copy = new CopyRequest("COPY t TO STDOUT");
    copy.handle(new CopyOutResponse(0, new int[] {0}), new Outbound(null));
    for (int i = 0; i <= CopyRequest.STREAM_CHUNKS; i++) {
      assertNull(copy.stalledBuffer());
      copy.handle(new CopyData(bytes(i + "\n")), null);
    }
    assertNotNull(copy.stalledBuffer());
    assertEquals(CopyRequest.STREAM_CHUNKS + 1, copy.take().size());
    assertNull(copy.stalledBuffer());
    copy.discard();
    copy.handle(new CopyData(bytes("dropped\n")), null);
    assertFalse(copy.hasData());
  }

  @Test
  void aCopyTheServerRefusesFailsWithItsError() {
    CopyRequest copy = new CopyRequest("COPY nowhere FROM STDIN");
    Throwable error = failure(copy, error("42P01", "relation \"nowhere\" does not exist"), idle());
    assertInstanceOf(UndefinedTable.class, error);
    assertTrue(copy.started(), "a request that ended counts as started, so its waiter wakes");
  }

  @Test
  void aStatementThatStartsNoCopyFailsAtItsEnd() {
    CopyRequest copy = new CopyRequest("SELECT 1");
    Throwable error =
        failure(
            copy,
            new RowDescription(new RowDescription.Field[] {field("x", 23, 0)}),
            DataRow.of(bytes("1")),
            new CommandComplete("SELECT 1"),
            idle());
    assertInstanceOf(ProgrammingError.class, error);
    assertTrue(error.getMessage().contains("without starting a COPY"), error.getMessage());
  }

  @Test
  void theGateHoldsOthersUntilTheOwnersEndMessage() throws Exception {
    Object copy = new Object();
    try (Loopback loopback = Loopback.open()) {
      Outbound outbound = loopback.outbound();
      outbound.appendGated(out -> FrontendMessages.query(out, "COPY a FROM STDIN"), copy);
      outbound.append(out -> FrontendMessages.query(out, "SELECT 1"));
      assertTrue(
          outbound.appendOwned(copy, out -> FrontendMessages.copyData(out, bytes("x\n"), 0, 2)));
      assertFalse(outbound.appendOwned(new Object(), out -> FrontendMessages.copyDone(out)));
      assertTrue(outbound.openGate(copy, FrontendMessages::copyDone));
      assertFalse(outbound.appendOwned(copy, FrontendMessages::copyDone), "the gate is open");
      assertFalse(outbound.openGate(copy, FrontendMessages::copyDone), "opens once");
      assertArrayEquals(
          new Expected()
              .message('Q', "COPY a FROM STDIN")
              .message('d', bytes("x\n"))
              .message('c')
              .message('Q', "SELECT 1")
              .toByteArray(),
          loopback.drain(outbound));
    }
  }

  @Test
  void gatesQueueOnePerCopy() throws Exception {
    Object first = new Object();
    Object second = new Object();
    try (Loopback loopback = Loopback.open()) {
      Outbound outbound = loopback.outbound();
      outbound.appendGated(out -> FrontendMessages.query(out, "COPY a FROM STDIN"), first);
      outbound.append(out -> FrontendMessages.query(out, "SELECT 1"));
      outbound.appendGated(out -> FrontendMessages.query(out, "COPY b FROM STDIN"), second);
      outbound.append(out -> FrontendMessages.query(out, "SELECT 2"));
      assertFalse(
          outbound.appendOwned(second, FrontendMessages::copyDone), "its COPY is not sent yet");
      outbound.openGate(first, FrontendMessages::copyDone);
      assertTrue(
          outbound.appendOwned(second, out -> FrontendMessages.copyData(out, bytes("y\n"), 0, 2)));
      // The server ended the second COPY (an error, say): the rest goes with no end message.
      outbound.requestEnded(second);
      assertArrayEquals(
          new Expected()
              .message('Q', "COPY a FROM STDIN")
              .message('c')
              .message('Q', "SELECT 1")
              .message('Q', "COPY b FROM STDIN")
              .message('d', bytes("y\n"))
              .message('Q', "SELECT 2")
              .toByteArray(),
          loopback.drain(outbound));
    }
  }

  @Test
  void aThreadWritingACopyIsKnownToTheGate() throws Exception {
    Object copy = new Object();
    Outbound outbound = new Outbound(null);
    assertFalse(outbound.gatedByCurrentThread());
    outbound.appendGated(out -> FrontendMessages.query(out, "COPY a FROM STDIN"), copy);
    assertTrue(outbound.gatedByCurrentThread());
    Thread other = Thread.ofVirtual().start(() -> outbound.claimGate(copy));
    other.join();
    assertFalse(outbound.gatedByCurrentThread(), "the gate now belongs to the other thread");
    outbound.openGate(copy, null);
    assertFalse(outbound.gatedByCurrentThread());
  }
}
