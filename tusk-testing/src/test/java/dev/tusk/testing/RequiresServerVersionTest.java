package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

class RequiresServerVersionTest {

  private static final List<String> RAN = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forgetEarlierProbes() {
    RAN.clear();
  }

  /** "display name: reason" of every skipped test or container. */
  private static List<String> skipped(Events events) {
    return events.skipped().stream()
        .map(
            event ->
                event.getTestDescriptor().getDisplayName()
                    + ": "
                    + event.getPayload(String.class).orElse(""))
        .toList();
  }

  static class MethodProbe {
    @Test
    @RequiresServerVersion(min = 90000)
    void anyServer() {
      RAN.add("anyServer");
    }

    @Test
    @RequiresServerVersion(min = 990000)
    void serverFromTheFuture() {
      RAN.add("serverFromTheFuture");
    }

    @Test
    void unannotated() {
      RAN.add("unannotated");
    }
  }

  @Test
  void testsBelowTheirMinimumVersionAreSkippedWithTheReason() {
    Events events = Probes.run(MethodProbe.class).allEvents();
    int version = PostgresServer.get().serverVersionNum();
    assertEquals(
        List.of("serverFromTheFuture(): server_version_num " + version + ", required 990000"),
        skipped(events));
    assertEquals(List.of("anyServer", "unannotated"), RAN.stream().sorted().toList());
  }

  @RequiresServerVersion(min = 990000)
  static class ClassProbe {
    @Test
    void never() {
      RAN.add("never");
    }
  }

  @Test
  void annotatedClassIsSkippedWhole() {
    Events events = Probes.run(ClassProbe.class).allEvents();
    int version = PostgresServer.get().serverVersionNum();
    assertEquals(
        List.of(
            "RequiresServerVersionTest$ClassProbe: server_version_num "
                + version
                + ", required 990000"),
        skipped(events));
    assertEquals(List.of(), RAN);
  }
}
