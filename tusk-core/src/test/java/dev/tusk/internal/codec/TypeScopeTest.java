package dev.tusk.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.InFailedSqlTransaction;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.CompositeCodec;
import dev.tusk.internal.codec.builtin.EnumCodec;
import dev.tusk.internal.codec.builtin.IntegerCodecs;
import dev.tusk.internal.codec.builtin.JsonCodec;
import dev.tusk.internal.codec.builtin.TextCodec;
import dev.tusk.internal.codec.catalog.CatalogSource;
import dev.tusk.internal.codec.catalog.TypeCatalog;
import dev.tusk.types.Codec;
import dev.tusk.types.Oids;
import dev.tusk.types.PgRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Scoped registries: overrides, isolation between copies, lock-free reads during writes, and the
 * catalog lookups of a connection's scope, against a scripted catalog.
 */
class TypeScopeTest {

  private static final int MOOD = 16_400;
  private static final int MOOD_ARRAY = 16_399;
  private static final int PAIR = 16_500;

  /** A catalog that answers from fixed rows and counts its queries. */
  private static final class ScriptedCatalog implements CatalogSource {
    final List<Object[]> queries = new ArrayList<>();
    boolean failing;

    @Override
    public List<List<Object>> query(String sql, Object... params) {
      queries.add(params);
      if (failing) {
        throw new InFailedSqlTransaction(
            Diagnostic.client("25P02", "current transaction is aborted"));
      }
      List<String> names = Arrays.asList((String[]) params[1]);
      return List.of(
          row(
              MOOD,
              "mood",
              "e",
              0,
              List.of("sad", "ok"),
              List.of(),
              List.of(),
              names.contains("mood") ? List.of("mood") : List.of()),
          row(MOOD_ARRAY, "_mood", "b", MOOD, List.of(), List.of(), List.of(), List.of()),
          row(
              PAIR,
              "pair",
              "c",
              0,
              List.of(),
              List.of("a", "m"),
              List.of((long) Oids.INT4, (long) MOOD),
              List.of()));
    }

    private static List<Object> row(
        int oid,
        String name,
        String kind,
        int element,
        List<String> labels,
        List<String> attributes,
        List<Long> attributeTypes,
        List<String> asked) {
      return Arrays.asList(
          (long) oid,
          name,
          "app",
          kind,
          (long) element,
          0L,
          null,
          labels,
          attributes,
          attributeTypes,
          asked);
    }
  }

  private static TypeScope connectionScope(ScriptedCatalog catalog) {
    return TypeScope.builtins().forConnection(new TypeCatalog(catalog));
  }

  @Test
  void anOverrideReplacesTheBuiltInAndTheArrayOfIt() {
    TypeScope scope = TypeScope.builtins().copy();
    Codec<?> builtin = scope.codec(Oids.INT4);
    Codec<String> asText = TextCodec.textOnly(Oids.INT4, "int4");
    scope.register(asText);
    assertSame(asText, scope.codec(Oids.INT4));
    assertSame(asText, ((ArrayCodec) scope.codec(Oids.INT4_ARRAY)).element());
    assertSame(asText, scope.codec("int4"));
    assertSame(builtin, TypeScope.builtins().codec(Oids.INT4));
  }

  @Test
  void copiesAreIsolatedBothWays() {
    TypeScope parent = TypeScope.builtins().copy();
    TypeScope child = parent.copy();
    Codec<String> first = TextCodec.textOnly(Oids.INT4, "int4");
    Codec<String> second = TextCodec.textOnly(Oids.INT8, "int8");
    parent.register(first);
    child.register(second);
    assertSame(first, parent.codec(Oids.INT4));
    assertEquals(IntegerCodecs.INT4, child.codec(Oids.INT4));
    assertSame(second, child.codec(Oids.INT8));
    assertEquals(IntegerCodecs.INT8, parent.codec(Oids.INT8));
    TypeScope grandchild = parent.copy();
    assertSame(first, grandchild.codec(Oids.INT4));
  }

  @Test
  void readsDuringWritesAlwaysSeeAWholeTable() throws Exception {
    TypeScope scope = TypeScope.builtins().copy();
    AtomicBoolean done = new AtomicBoolean();
    CompletableFuture<Integer> reader =
        CompletableFuture.supplyAsync(
            () -> {
              int reads = 0;
              while (!done.get()) {
                Codec<?> int4 = scope.codec(Oids.INT4);
                Codec<?> text = scope.codec(Oids.TEXT);
                if (int4 == null || int4.oid() != Oids.INT4 || text != TextCodec.TEXT) {
                  throw new AssertionError("a torn table: " + int4 + ", " + text);
                }
                reads++;
              }
              return reads;
            });
    for (int i = 0; i < 2_000; i++) {
      scope.register(TextCodec.textOnly(Oids.INT4, "int4"));
      scope.register(IntegerCodecs.INT4);
      scope.register(TextCodec.textOnly(20_000 + i, "t" + i));
    }
    done.set(true);
    assertTrue(reader.get() > 0);
    assertEquals("t1999", scope.codec(21_999).typeName());
  }

  @Test
  void aNameRegistrationAppliesToTheCatalogTypeOfThatName() {
    TypeScope scope = connectionScope(new ScriptedCatalog());
    scope.register("app.mood", oid -> TextCodec.textOnly(oid, "my mood"));
    Codec<?>[] codecs = scope.codecsFor(new int[] {MOOD_ARRAY});
    assertEquals("my mood[]", codecs[0].typeName());
    assertEquals("my mood", scope.codec(MOOD).typeName());
  }

  @Test
  void unknownResultTypesAreLookedUpInOneQueryAndRemembered() {
    ScriptedCatalog catalog = new ScriptedCatalog();
    TypeScope scope = connectionScope(catalog);
    Codec<?>[] codecs = scope.codecsFor(new int[] {Oids.INT4, PAIR, MOOD_ARRAY, PAIR});
    assertEquals(1, catalog.queries.size());
    assertEquals(
        List.of((long) PAIR, (long) MOOD_ARRAY),
        Arrays.stream((long[]) catalog.queries.get(0)[0]).boxed().toList());
    CompositeCodec pair = assertInstanceOf(CompositeCodec.class, codecs[1]);
    assertEquals(List.of("a", "m"), pair.names());
    assertEquals("mood[]", codecs[2].typeName());
    // Copies share the connection's catalog.
    assertInstanceOf(CompositeCodec.class, scope.copy().codecsFor(new int[] {PAIR, MOOD})[0]);
    assertEquals(1, catalog.queries.size());
    scope.refresh();
    assertNull(scope.codec(PAIR));
    scope.codecsFor(new int[] {PAIR});
    assertEquals(2, catalog.queries.size());
  }

  @Test
  void compositeCodecsUseTheScopesCodecsForTheirAttributes() {
    TypeScope scope = connectionScope(new ScriptedCatalog());
    scope.codecsFor(new int[] {PAIR});
    Codec<String> int4AsText = TextCodec.textOnly(Oids.INT4, "int4");
    TypeScope cursor = scope.copy();
    cursor.register(int4AsText);
    CompositeCodec pair = (CompositeCodec) cursor.codec(PAIR);
    assertSame(int4AsText, pair.fields().get(0));
    assertSame(IntegerCodecs.INT4, ((CompositeCodec) scope.codec(PAIR)).fields().get(0));
    byte[] text = "(7,ok)".getBytes();
    assertEquals(
        PgRecord.of("pair", List.of("a", "m"), List.of("7", "ok")),
        pair.decodeText(text, 0, text.length));
  }

  @Test
  void aFailedLookupReadsAsTextThisTimeAndIsRetried() {
    ScriptedCatalog catalog = new ScriptedCatalog();
    catalog.failing = true;
    TypeScope scope = connectionScope(catalog);
    Codec<?> fallback = scope.codecsFor(new int[] {MOOD})[0];
    assertEquals("oid:" + MOOD, fallback.typeName());
    assertThrows(InFailedSqlTransaction.class, () -> scope.codec("mood"));
    catalog.failing = false;
    assertInstanceOf(EnumCodec.class, scope.codecsFor(new int[] {MOOD})[0]);
    assertEquals(MOOD, scope.codec("mood").oid());
  }

  @Test
  void namesAreResolvedBuiltInFirstThenThroughTheCatalog() {
    ScriptedCatalog catalog = new ScriptedCatalog();
    TypeScope scope = connectionScope(catalog);
    assertSame(JsonCodec.JSONB, scope.codec("jsonb"));
    assertEquals(0, catalog.queries.size());
    assertEquals(MOOD, scope.codec("mood").oid());
    assertEquals(MOOD, scope.codec("mood").oid());
    assertEquals(1, catalog.queries.size());
    UndefinedObject unknown =
        assertThrows(UndefinedObject.class, () -> TypeScope.global().codec("mood"));
    assertTrue(unknown.getMessage().contains("\"mood\""));
  }
}
