package dev.tusk.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.jfr.EventType;
import jdk.jfr.SettingDescriptor;
import org.junit.jupiter.api.Test;

/** The pool's wait event stays cheap in an always-on recording that does not name it. */
class PoolAcquireEventTest {

  @Test
  void onlyWaitsOfTwentyMillisecondsOrMoreAreRecordedByDefault() {
    EventType type = EventType.getEventType(PoolAcquireEvent.class);
    assertEquals("dev.tusk.PoolAcquire", type.getName());
    assertEquals("true", defaultOf(type, "enabled"));
    assertEquals("20 ms", defaultOf(type, "threshold"));
  }

  private static String defaultOf(EventType type, String setting) {
    return type.getSettingDescriptors().stream()
        .filter(descriptor -> descriptor.getName().equals(setting))
        .map(SettingDescriptor::getDefaultValue)
        .findFirst()
        .orElseThrow();
  }
}
