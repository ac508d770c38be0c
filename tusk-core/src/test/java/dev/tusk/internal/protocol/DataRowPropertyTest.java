package dev.tusk.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DataRowPropertyTest {

  @Property(tries = 200)
  void locateFindsEveryColumnThatWasLaidOut(@ForAll("columns") List<byte[]> values)
      throws ProtocolViolationException {
    DataRow row = DataRow.wrap(DataRow.of(values.toArray(byte[][]::new)).bytes());
    int[] offsets = new int[values.size()];
    int[] lengths = new int[values.size()];
    row.locate(offsets, lengths);
    assertEquals(values.size(), row.columnCount());
    for (int i = 0; i < values.size(); i++) {
      byte[] found =
          lengths[i] < 0
              ? null
              : Arrays.copyOfRange(row.bytes(), offsets[i], offsets[i] + lengths[i]);
      assertTrue(Arrays.equals(values.get(i), found), "column " + i);
    }
  }

  @Provide
  Arbitrary<List<byte[]>> columns() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(40)
        .injectNull(0.2)
        .list()
        .ofMaxSize(60);
  }
}
