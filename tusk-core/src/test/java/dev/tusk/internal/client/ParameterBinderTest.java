package dev.tusk.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.CodecRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {

  private final ParameterBinder binder = new ParameterBinder(CodecRegistry.defaults());

  @Test
  void valueTheEncoderRefusesWhileWritingIsAProgrammingErrorNamingTheParameter() {
    ParameterBinder.Bound bound =
        binder.bind(2, List.<Object[]>of(new Object[] {1, List.of(1, "two")}));
    WriteBuffer out = new WriteBuffer();
    ProgrammingError error =
        assertThrows(ProgrammingError.class, () -> bound.sets().get(0).values().write(1, out));
    assertEquals(
        "parameter $2: all elements of an array parameter must have the same Java type;"
            + " found java.lang.String among java.lang.Integer",
        error.getMessage());
  }

  @Test
  void valueThatCannotBeSentIsADataErrorNamingTheParameter() {
    ParameterBinder.Bound bound = binder.bind(1, List.<Object[]>of(new Object[] {"a\0b"}));
    DataError error =
        assertThrows(
            DataError.class, () -> bound.sets().get(0).values().write(0, new WriteBuffer()));
    assertEquals("parameter $1: ", error.getMessage().substring(0, 14));
  }
}
