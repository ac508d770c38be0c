package dev.tusk.internal.codec.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.codec.CodecRegistry;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.IntegerCodecs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberWideningTest {

  @Test
  void integersWidenAndNarrowWithinRange() {
    assertEquals(7L, NumberWidening.widen(7, Long.class));
    assertEquals((short) 7, NumberWidening.widen(7L, Short.class));
    assertEquals(-5, NumberWidening.widen(BigInteger.valueOf(-5), Integer.class));
    assertThrows(DataError.class, () -> NumberWidening.widen(70_000, Short.class));
    assertThrows(DataError.class, () -> NumberWidening.widen(BigInteger.TWO.pow(64), Long.class));
  }

  @Test
  void decimalsAndFloats() {
    assertEquals(new BigDecimal("12"), NumberWidening.widen(12, BigDecimal.class));
    assertEquals(new BigDecimal("0.1"), NumberWidening.widen(0.1, BigDecimal.class));
    assertEquals(new BigDecimal("0.1"), NumberWidening.widen(0.1f, BigDecimal.class));
    assertNull(NumberWidening.widen(Double.NaN, BigDecimal.class));
    assertEquals(1.5, NumberWidening.widen(1.5f, Double.class));
    assertEquals(3.0, NumberWidening.widen(3, Double.class));
    assertEquals(3.0f, NumberWidening.widen(3L, Float.class));
    assertThrows(DataError.class, () -> NumberWidening.widen((1L << 53) + 1, Double.class));
    assertThrows(DataError.class, () -> NumberWidening.widen((1 << 24) + 1, Float.class));
  }

  @Test
  void fractionsNeverBecomeIntegers() {
    assertNull(NumberWidening.widen(1.0, Long.class));
    assertNull(NumberWidening.widen(new BigDecimal("1"), Integer.class));
    assertNull(NumberWidening.widen("1", Long.class));
  }

  @Test
  void parameterValuesUseItAndConvertPrimitiveArrays() {
    assertEquals(5L, ParameterValues.convert(5, IntegerCodecs.INT8, null));
    ArrayCodec int8s = (ArrayCodec) CodecRegistry.defaults().find(dev.tusk.types.Oids.INT8_ARRAY);
    assertEquals(List.of(1L, 2L), ParameterValues.convert(new int[] {1, 2}, int8s, null));
    assertEquals(
        List.of(List.of(1L), List.of(2L)),
        ParameterValues.convert(new int[][] {{1}, {2}}, int8s, null));
    assertThrows(
        ProgrammingError.class, () -> ParameterValues.convert(1.5, IntegerCodecs.INT8, null));
  }
}
