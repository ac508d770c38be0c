package dev.tusk.bench.jmh;

import dev.tusk.internal.buffer.BigEndian;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.types.Oids;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one wide row (int8, text, float8, numeric(12,2), timestamptz, bool, uuid) from the
 * binary format through Tusk's codecs, with no server: the codec cost that workload c pays per row.
 * The bytes are the codecs' own binary encoding of the same values workload c reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RowDecodeBenchmark {

  private static final int[] TYPES = {
    Oids.INT8, Oids.TEXT, Oids.FLOAT8, Oids.NUMERIC, Oids.TIMESTAMPTZ, Oids.BOOL, Oids.UUID
  };

  private final CodecRegistry codecs = CodecRegistry.defaults();
  private byte[] row;
  private final int[] offsets = new int[TYPES.length];
  private final int[] lengths = new int[TYPES.length];

  /** Encodes the row once, length-prefixed values as in a DataRow. */
  @Setup
  public void encode() {
    Object[] values = {
      1_234_567L,
      "a text of twenty chs",
      3.14159,
      new BigDecimal("12345.67"),
      OffsetDateTime.of(2026, 11, 22, 12, 34, 56, 789_000_000, ZoneOffset.UTC),
      true,
      UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
    };
    WriteBuffer out = new WriteBuffer();
    for (Object value : values) {
      codecs.encoderFor(value).write(value, out);
    }
    row = out.toByteArray();
    int at = 0;
    for (int i = 0; i < TYPES.length; i++) {
      lengths[i] = BigEndian.int32(row, at);
      offsets[i] = at + 4;
      at = offsets[i] + lengths[i];
    }
  }

  /** Every column decoded to its default Java type. */
  @Benchmark
  public void tuskDecodeWideRow(Blackhole sink) {
    for (int i = 0; i < TYPES.length; i++) {
      sink.consume(codecs.decode(TYPES[i], 1, row, offsets[i], lengths[i]));
    }
  }
}
