package dev.tusk.bench.data;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The rows workloads d and e load, made once before any run, both as records (for pgjdbc's typed
 * setters and COPY encoders) and as parameter sets (for Tusk's {@code executeMany}), so that no run
 * pays for building them.
 *
 * @param rows the records
 * @param parameterSets the same rows as {@code Object[]} parameter sets
 */
public record WideRows(List<WideRow> rows, List<Object[]> parameterSets) {

  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** Copies the lists. */
  public WideRows {
    rows = List.copyOf(rows);
    parameterSets = List.copyOf(parameterSets);
  }

  /** {@code count} deterministic rows. */
  public static WideRows generate(int count) {
    Random random = new Random(20240101L);
    List<WideRow> rows = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      rows.add(
          new WideRow(
              i,
              String.format("label-%014d", i),
              random.nextDouble() * 1000,
              BigDecimal.valueOf(random.nextLong(100_000_000_00L), 2),
              EPOCH.plusSeconds(i),
              i % 2 == 0,
              new UUID(random.nextLong(), random.nextLong())));
    }
    return new WideRows(rows, rows.stream().map(WideRow::parameters).toList());
  }

  /** The first {@code count} rows. */
  public WideRows first(int count) {
    return new WideRows(rows.subList(0, count), parameterSets.subList(0, count));
  }

  /** The number of rows. */
  public int size() {
    return rows.size();
  }
}
