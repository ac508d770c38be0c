package dev.tusk.internal.client;

import dev.tusk.RowFactories;
import dev.tusk.RowMaker;
import dev.tusk.bench.data.WideRow;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.protocol.DataRow;
import dev.tusk.internal.protocol.RowDescription;
import dev.tusk.types.Oids;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One wide row (workload c's: int8, text, float8, numeric(12,2), timestamptz, bool, uuid, binary)
 * made into a {@link WideRow} by hand-written getters, by {@code RowFactories.record()}, and into a
 * map by {@code RowFactories.map()}, with no server. Each operation reads a fresh row over the same
 * DataRow, as a cursor does, so the row's own cost is in all three. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is the bytes allocated per row.
 *
 * <p>It lives in the client package because a row over a DataRow ({@link ResultRow}) is internal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RowFactoryBenchmark {

  private static final String[] NAMES = {"id", "label", "score", "amount", "at", "flag", "uid"};
  private static final int[] TYPES = {
    Oids.INT8, Oids.TEXT, Oids.FLOAT8, Oids.NUMERIC, Oids.TIMESTAMPTZ, Oids.BOOL, Oids.UUID
  };

  private ResultColumns columns;
  private DataRow data;
  private RowMaker<WideRow> record;
  private RowMaker<Map<String, Object>> map;

  /** Encodes the row once and makes each factory's maker for its columns, once per result. */
  @Setup
  public void prepare() {
    CodecRegistry codecs = CodecRegistry.defaults();
    Object[] values = {
      1_234_567L,
      "a text of twenty chs",
      3.14159,
      new BigDecimal("12345.67"),
      OffsetDateTime.of(2026, 11, 22, 12, 34, 56, 789_000_000, ZoneOffset.UTC),
      true,
      UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
    };
    byte[][] encoded = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      WriteBuffer out = new WriteBuffer();
      codecs.encoderFor(values[i]).write(values[i], out);
      // The codec writes the length first, as Bind takes values; a DataRow adds its own.
      encoded[i] = Arrays.copyOfRange(out.array(), 4, out.size());
    }
    data = DataRow.of(encoded);
    RowDescription.Field[] fields = new RowDescription.Field[NAMES.length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = new RowDescription.Field(NAMES[i], 0, 0, TYPES[i], -1, -1, 1);
    }
    columns = ResultColumns.of(new RowDescription(fields), TypeScope.builtins());
    record = RowFactories.record(WideRow.class).maker(columns.columns());
    map = RowFactories.map().maker(columns.columns());
    WideRow expected = WideRow.of(new ResultRow(columns, data));
    if (!expected.equals(record.make(new ResultRow(columns, data)))
        || !expected.uid().equals(map.make(new ResultRow(columns, data)).get("uid"))) {
      throw new IllegalStateException("the factories disagree with the getters");
    }
  }

  /** Hand-written getters, the baseline. */
  @Benchmark
  public WideRow getters() {
    return WideRow.of(new ResultRow(columns, data));
  }

  /** {@code RowFactories.record(WideRow.class)}. */
  @Benchmark
  public WideRow record() {
    return record.make(new ResultRow(columns, data));
  }

  /** {@code RowFactories.map()}. */
  @Benchmark
  public Map<String, Object> map() {
    return map.make(new ResultRow(columns, data));
  }
}
