package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The buffer between a reading thread and a consumer: order, and the lists its batches cost. */
class StreamBufferTest {

  private final StreamBuffer<Integer> buffer = new StreamBuffer<>(1_000);
  private int next;

  /** Stages and publishes {@code count} items, as the reading thread does for a burst of rows. */
  private void arrive(int count) {
    for (int i = 0; i < count; i++) {
      buffer.stage(next++, 100);
    }
    buffer.publish();
  }

  @Test
  void itemsPublishedWhileOthersWaitKeepTheirOrder() {
    arrive(3);
    arrive(2); // published behind items nobody has taken yet
    arrive(70); // more than a stage holds back: published in two parts
    List<Integer> taken = buffer.take();
    assertEquals(75, taken.size());
    for (int i = 0; i < taken.size(); i++) {
      assertEquals(i, taken.get(i));
    }
  }

  @Test
  void batchesHandedBackAreReusedSoAStreamCostsAFewListsInAll() {
    Set<List<Integer>> lists = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Integer> batch = List.of();
    int expected = 0;
    for (int round = 0; round < 200; round++) {
      arrive(1 + round % 50);
      batch = buffer.take(batch);
      lists.add(batch);
      for (int item : batch) {
        assertEquals(expected++, item);
      }
      if (round % 3 == 0) {
        // The consumer caught up: an empty take keeps the list it was handed.
        batch = buffer.take(batch);
        assertTrue(batch.isEmpty());
      }
    }
    assertEquals(next, expected);
    assertTrue(lists.size() <= 4, "lists used for 200 batches: " + lists.size());
  }

  @Test
  void batchesNotHandedBackCostAListEach() {
    Set<List<Integer>> lists = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int round = 0; round < 20; round++) {
      arrive(5);
      lists.add(buffer.take());
    }
    assertEquals(20, lists.size());
  }

  @Test
  void aListThatHeldAWholeLargeBatchIsNotKept() {
    StreamBuffer<Integer> collecting = new StreamBuffer<>(StreamBuffer.COLLECT);
    for (int i = 0; i < 5_000; i++) {
      collecting.add(i, 8);
    }
    List<Integer> large = collecting.take();
    collecting.add(5_000, 8);
    collecting.add(5_001, 8);
    List<Integer> second = collecting.take(large);
    assertEquals(List.of(5_000, 5_001), second);
    assertEquals(5_000, large.size(), "a list too large to keep is left as it was");
  }

  @Test
  void aDiscardedBufferDropsWhatArrivesWhateverIsHandedBack() {
    arrive(10);
    List<Integer> batch = buffer.take();
    buffer.discard();
    arrive(10);
    assertEquals(List.of(), buffer.take(new ArrayList<>(batch)));
    assertFalse(buffer.hasItems());
  }
}
