package dev.tusk.it.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.pool.ConnectionPool;
import dev.tusk.pool.PoolOptions;
import dev.tusk.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The pool's JFR events are recorded: one per connection opened, one per acquire that waited. */
class PoolEventsTest {

  @Test
  void connectsAndWaitedAcquiresAreRecorded() throws Exception {
    Path file = Files.createTempFile("tusk-pool", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("dev.tusk.PoolConnect");
      recording.enable("dev.tusk.PoolAcquire").withThreshold(Duration.ZERO);
      recording.start();
      PoolOptions options = PoolOptions.builder().name("it-jfr").size(1, 1).build();
      try (ConnectionPool pool = new ConnectionPool(PostgresServer.get().conninfo(), options)) {
        pool.waitReady(Duration.ofSeconds(10));
        Connection held = pool.connection();
        CompletableFuture<Integer> waiting =
            CompletableFuture.supplyAsync(() -> pool.withConnection(conn -> 1));
        Await.until("a request waiting", () -> pool.stats().get("requests_waiting") == 1L);
        Thread.sleep(50);
        held.close();
        assertEquals(1, waiting.get(10, TimeUnit.SECONDS));
      }
      recording.stop();
      recording.dump(file);
      List<RecordedEvent> events = RecordingFile.readAllEvents(file);
      List<RecordedEvent> connects =
          events.stream()
              .filter(e -> e.getEventType().getName().equals("dev.tusk.PoolConnect"))
              .toList();
      List<RecordedEvent> acquires =
          events.stream()
              .filter(e -> e.getEventType().getName().equals("dev.tusk.PoolAcquire"))
              .toList();
      assertTrue(connects.size() >= 1, "connect events: " + connects);
      assertEquals("it-jfr", connects.get(0).getString("pool"));
      assertTrue(acquires.size() >= 1, "acquire events: " + acquires);
      assertEquals("acquired", acquires.get(0).getString("outcome"));
      assertTrue(acquires.get(0).getDuration().toMillis() >= 40, acquires.get(0).toString());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
