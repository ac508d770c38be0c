package dev.tusk.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.DataError;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.codec.TypeScope;
import dev.tusk.internal.engine.ExtendedQuery.Bindings;
import dev.tusk.types.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** How parameter values become Parse types, Bind formats and Bind values. */
class ParameterBinderTest {

  private static final int INT4 = 23;
  private static final int INT8 = 20;
  private static final int BOOL = 16;
  private static final int NUMERIC = 1700;
  private static final int OID = 26;

  private final ParameterBinder binder = new ParameterBinder(TypeScope.builtins());

  private static List<Object[]> sets(Object[]... sets) {
    return Arrays.asList(sets);
  }

  /** The bytes Bind would carry for {@code set}'s values. */
  private static byte[] values(Bindings set) {
    WriteBuffer out = new WriteBuffer();
    for (int i = 0; i < set.count(); i++) {
      set.values().write(i, out);
    }
    return out.toByteArray();
  }

  @Test
  void binaryTypesGetTheirOidAndStringsAreLeftToTheServer() {
    ParameterBinder.Bound bound = binder.bind(3, sets(new Object[] {42, "ann", 7L}));
    assertArrayEquals(new int[] {INT4, 0, INT8}, bound.types());
    assertArrayEquals(new short[] {1, 0, 1}, bound.sets().get(0).formats());
    assertEquals(3, bound.sets().get(0).count());
  }

  @Test
  void allTextSendsNoFormatCodes() {
    ParameterBinder.Bound bound = binder.bind(2, sets(new Object[] {"a", "b"}));
    assertArrayEquals(new int[] {0, 0}, bound.types());
    assertArrayEquals(new short[0], bound.sets().get(0).formats());
  }

  @Test
  void allBinarySendsOneFormatCodeForAll() {
    ParameterBinder.Bound bound = binder.bind(2, sets(new Object[] {1, true}));
    assertArrayEquals(new int[] {INT4, BOOL}, bound.types());
    assertArrayEquals(new short[] {1}, bound.sets().get(0).formats());
  }

  @Test
  void noParametersSendNoTypesAndNoFormats() {
    ParameterBinder.Bound bound = binder.bind(0, sets(new Object[0]));
    assertArrayEquals(new int[0], bound.types());
    assertArrayEquals(new short[0], bound.sets().get(0).formats());
    assertArrayEquals(new byte[0], values(bound.sets().get(0)));
  }

  @Test
  void valuesAreWrittenWithTheirLengthsAndNullAsMinusOne() {
    ParameterBinder.Bound bound = binder.bind(3, sets(new Object[] {42, null, "hé"}));
    byte[] expected = {
      0,
      0,
      0,
      4,
      0,
      0,
      0,
      42, // int4 42 in binary
      -1,
      -1,
      -1,
      -1, // NULL
      0,
      0,
      0,
      3,
      'h',
      (byte) 0xC3,
      (byte) 0xA9 // text in UTF-8
    };
    assertArrayEquals(expected, values(bound.sets().get(0)));
  }

  @Test
  void typesComeFromTheFirstNonNullValueAcrossSets() {
    ParameterBinder.Bound bound =
        binder.bind(
            3,
            sets(
                new Object[] {null, 1, null},
                new Object[] {2L, null, null},
                new Object[] {3L, 4, null}));
    assertArrayEquals(new int[] {INT8, INT4, 0}, bound.types());
    // $3 is NULL everywhere: text with no type, so the formats are per parameter.
    assertArrayEquals(new short[] {1, 1, 0}, bound.sets().get(0).formats());
    assertEquals(3, bound.sets().size());
    byte[] first = values(bound.sets().get(0));
    assertArrayEquals(new byte[] {-1, -1, -1, -1, 0, 0, 0, 4, 0, 0, 0, 1, -1, -1, -1, -1}, first);
  }

  @Test
  void everySetSharesTheFormats() {
    ParameterBinder.Bound bound =
        binder.bind(2, sets(new Object[] {1, "a"}, new Object[] {null, "b"}));
    assertSame(bound.sets().get(0).formats(), bound.sets().get(1).formats());
  }

  @Test
  void setsThatDisagreeOnATypeAreAnErrorNamingTheParameterAndTheSet() {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () ->
                binder.bind(
                    2,
                    sets(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {"3", "c"})));
    assertTrue(
        error.getMessage().startsWith("parameter $1 of set 3 is a java.lang.String"),
        error.getMessage());
  }

  @Test
  void integerAndLongAreDifferentTypes() {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> binder.bind(1, sets(new Object[] {null}, new Object[] {1}, new Object[] {2L})));
    assertTrue(
        error.getMessage().startsWith("parameter $1 of set 3 is a java.lang.Long"),
        error.getMessage());
  }

  @Test
  void aValueOfAnUnsupportedTypeNamesItsParameter() {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class, () -> binder.bind(2, sets(new Object[] {1, new Object()})));
    assertTrue(error.getMessage().startsWith("parameter $2: "), error.getMessage());
  }

  @Test
  void aValueThatCannotBeEncodedNamesItsParameterWhenBound() {
    // Encoded at bind, on the caller's thread, before anything is queued.
    DataError error =
        assertThrows(DataError.class, () -> binder.bind(2, sets(new Object[] {1, "nul\0"})));
    assertTrue(error.getMessage().startsWith("parameter $2: "), error.getMessage());
  }

  /**
   * Whatever the mix of NULL (kind 0), binary (1: an Integer) and text (2: a String) parameters,
   * the format codes decode to each parameter's own format (text for NULL), and are as short as
   * Bind allows.
   */
  @Property(tries = 300)
  void formatCodesAreEachParametersFormatInTheShortestForm(
      @ForAll @Size(max = 6) List<@IntRange(max = 2) Integer> kinds) {
    Object[] values = new Object[kinds.size()];
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      values[i] = kinds.get(i) == 0 ? null : kinds.get(i) == 1 ? (Object) 5 : "t";
      expected.add(kinds.get(i) == 1 ? 1 : 0);
    }
    short[] formats = binder.bind(values.length, sets(values)).sets().get(0).formats();
    List<Integer> actual = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      actual.add((int) (formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i]));
    }
    assertEquals(expected, actual);
    boolean allText = !expected.contains(1);
    boolean allBinary = !expected.isEmpty() && !expected.contains(0);
    assertEquals(allText ? 0 : allBinary ? 1 : values.length, formats.length);
  }

  @Test
  void valueTheEncoderRefusesWhileEncodingIsAProgrammingErrorNamingTheParameter() {
    ProgrammingError error =
        assertThrows(
            ProgrammingError.class,
            () -> binder.bind(2, List.<Object[]>of(new Object[] {1, List.of(1, "two")})));
    assertEquals(
        "parameter $2: all elements of an array parameter must have the same Java type;"
            + " found java.lang.String among java.lang.Integer",
        error.getMessage());
  }

  @Test
  void aStatementsNextRunWithValuesOfTheSameClassesReusesItsPlan() {
    ParameterBinder.LastPlan last = new ParameterBinder.LastPlan();
    ParameterBinder.Bound first = binder.bind(3, sets(new Object[] {1, null, 7L}), last);
    ParameterBinder.Bound second = binder.bind(3, sets(new Object[] {2, null, 8L}), last);
    assertSame(first.types(), second.types());
    assertSame(first.sets().get(0).formats(), second.sets().get(0).formats());
    // The values are each run's own.
    assertArrayEquals(
        values(binder.bind(3, sets(new Object[] {2, null, 8L})).sets().get(0)),
        values(second.sets().get(0)));
  }

  @Test
  void otherClassesOrNullsGetAPlanOfTheirOwn() {
    ParameterBinder.LastPlan last = new ParameterBinder.LastPlan();
    binder.bind(2, sets(new Object[] {1, 7L}), last);
    assertArrayEquals(
        new int[] {INT8, INT8}, binder.bind(2, sets(new Object[] {1L, 7L}), last).types());
    assertArrayEquals(
        new int[] {0, INT8}, binder.bind(2, sets(new Object[] {null, 7L}), last).types());
    assertArrayEquals(
        new int[] {INT4, 0}, binder.bind(2, sets(new Object[] {1, "x"}), last).types());
  }

  @Test
  void aCodecOrTypeRegisteredBetweenRunsSendsTheNextRun() {
    TypeScope scope = TypeScope.builtins().copy();
    ParameterBinder scoped = new ParameterBinder(scope);
    ParameterBinder.LastPlan last = new ParameterBinder.LastPlan();
    assertArrayEquals(new int[] {INT8}, scoped.bind(1, sets(new Object[] {7L}), last).types());

    @SuppressWarnings("unchecked") // the oid codec reads and writes Longs
    Codec<Long> oid = (Codec<Long>) scope.codec("oid");
    scope.registerParameter(Long.class, oid);
    ParameterBinder.Bound registered = scoped.bind(1, sets(new Object[] {7L}), last);
    assertArrayEquals(new int[] {OID}, registered.types());
    assertSame(registered.types(), scoped.bind(1, sets(new Object[] {8L}), last).types());

    // A class registered by type name (the catalog resolves it) is planned on every run.
    TypeScope named = TypeScope.builtins().copy();
    named.registerParameter(Long.class, "numeric");
    ParameterBinder byName = new ParameterBinder(named);
    assertArrayEquals(new int[] {NUMERIC}, byName.bind(1, sets(new Object[] {7L}), last).types());
    assertArrayEquals(new int[] {NUMERIC}, byName.bind(1, sets(new Object[] {7L}), last).types());
  }

  @Test
  void valuesWhoseContentDecidesArePlannedEachRun() {
    ParameterBinder.LastPlan last = new ParameterBinder.LastPlan();
    int ints = binder.bind(1, sets(new Object[] {List.of(1, 2)}), last).types()[0];
    int longs = binder.bind(1, sets(new Object[] {List.of(1L, 2L)}), last).types()[0];
    assertEquals(binder.bind(1, sets(new Object[] {List.of(1, 2)})).types()[0], ints);
    assertEquals(binder.bind(1, sets(new Object[] {List.of(1L, 2L)})).types()[0], longs);
    assertTrue(ints != longs, "int4[] and int8[] differ");
  }
}
