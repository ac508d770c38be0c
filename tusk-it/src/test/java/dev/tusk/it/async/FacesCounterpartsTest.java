package dev.tusk.it.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.AsyncConnection;
import dev.tusk.AsyncLargeObject;
import dev.tusk.AsyncLargeObjects;
import dev.tusk.AsyncQueries;
import dev.tusk.AsyncTwoPhaseTransaction;
import dev.tusk.Connection;
import dev.tusk.LargeObject;
import dev.tusk.LargeObjects;
import dev.tusk.Queries;
import dev.tusk.TwoPhaseTransaction;
import java.lang.invoke.MethodType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sync × async matrix's completeness: every public method of the sync face has its async
 * counterpart, so a method added to {@link Connection} (or to the two-phase commit, large-object
 * and default-row-factory classes) without one fails here. A counterpart has the same name and
 * parameter types, and returns the same type, its {@code Async} twin ({@code Cursor} → {@code
 * AsyncCursor}), or a {@code CompletableFuture} of either ({@code void} → {@code
 * CompletableFuture<Void>}). The exceptions are listed below, each with the reason it makes no
 * sense async; an exception that gets a counterpart, or names no method, fails too, so the list
 * cannot go stale.
 */
class FacesCounterpartsTest {

  /** Sync methods without an async counterpart, by signature, and why. */
  private static final Map<Class<?>, Set<String>> WITHOUT_COUNTERPART =
      Map.of(
          Connection.class,
          Set.of(
              // The way from the sync face to the async one: the async face's way back is sync().
              "async()"),
          LargeObject.class,
          Set.of(
              // Blocking java.io and java.nio views, made to be used from one thread that waits;
              // the async face reads and writes chunks (read, write) or streams whole objects
              // (AsyncLargeObjects.importFrom / exportTo), which block only virtual threads.
              "inputStream()", "outputStream()", "channel()"),
          TwoPhaseTransaction.class,
          Set.of(),
          LargeObjects.class,
          Set.of(),
          Queries.class,
          Set.of());

  static Stream<Arguments> faces() {
    return Stream.of(
        Arguments.of(Connection.class, AsyncConnection.class),
        Arguments.of(TwoPhaseTransaction.class, AsyncTwoPhaseTransaction.class),
        Arguments.of(LargeObjects.class, AsyncLargeObjects.class),
        Arguments.of(LargeObject.class, AsyncLargeObject.class),
        Arguments.of(Queries.class, AsyncQueries.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faces")
  void everySyncMethodHasItsAsyncCounterpart(Class<?> sync, Class<?> async) {
    Set<String> exceptions = WITHOUT_COUNTERPART.get(sync);
    List<String> missing = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Method method : publicMethods(sync)) {
      String signature = signature(method);
      seen.add(signature);
      boolean counterpart = counterpartOf(method, async);
      if (exceptions.contains(signature)) {
        assertTrue(
            !counterpart,
            signature + " has an async counterpart now: take it off the exception list");
      } else if (!counterpart) {
        missing.add(signature + " returning " + method.getGenericReturnType().getTypeName());
      }
    }
    assertEquals(
        List.of(),
        missing,
        "public methods of " + sync.getSimpleName() + " without a counterpart on " + async);
    for (String exception : exceptions) {
      assertTrue(seen.contains(exception), exception + " is no method of " + sync.getSimpleName());
    }
  }

  /** The check itself: what it accepts and refuses, on types made for the purpose. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void theRuleAcceptsOnlyCounterparts(String name, boolean expected) throws Exception {
    assertEquals(expected, counterpartOf(Probe.class.getMethod(name, int.class), AsyncProbe.class));
  }

  static Stream<Arguments> probes() {
    return Stream.of(
        Arguments.of("same", true),
        Arguments.of("futureOfVoid", true),
        Arguments.of("futureOfBoxed", true),
        Arguments.of("twin", true),
        Arguments.of("futureOfTwin", true),
        Arguments.of("futureOfGeneric", true),
        Arguments.of("wrongType", false),
        Arguments.of("wrongParameters", false),
        Arguments.of("absent", false),
        Arguments.of("futureOfFuture", false));
  }

  interface Probe {
    String same(int x);

    void futureOfVoid(int x);

    long futureOfBoxed(int x);

    LargeObject twin(int x);

    LargeObjects futureOfTwin(int x);

    List<String> futureOfGeneric(int x);

    String wrongType(int x);

    String wrongParameters(int x);

    String absent(int x);

    String futureOfFuture(int x);
  }

  interface AsyncProbe {
    String same(int x);

    CompletableFuture<Void> futureOfVoid(int x);

    CompletableFuture<Long> futureOfBoxed(int x);

    AsyncLargeObject twin(int x);

    CompletableFuture<AsyncLargeObjects> futureOfTwin(int x);

    CompletableFuture<List<String>> futureOfGeneric(int x);

    Integer wrongType(int x);

    String wrongParameters(long x);

    CompletableFuture<CompletableFuture<String>> futureOfFuture(int x);
  }

  private static List<Method> publicMethods(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !m.isSynthetic() && !m.isBridge())
        .filter(m -> m.getDeclaringClass() != Object.class)
        .toList();
  }

  private static String signature(Method method) {
    return method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static boolean counterpartOf(Method method, Class<?> async) {
    Method twin;
    try {
      twin = async.getMethod(method.getName(), method.getParameterTypes());
    } catch (NoSuchMethodException e) {
      return false;
    }
    if (Modifier.isStatic(twin.getModifiers())) {
      return false;
    }
    Type returned = twin.getGenericReturnType();
    if (raw(returned) == CompletableFuture.class) {
      Type inner = ((ParameterizedType) returned).getActualTypeArguments()[0];
      return raw(inner) != CompletableFuture.class
          && sameOrTwin(method.getReturnType(), boxed(raw(inner)));
    }
    return sameOrTwin(method.getReturnType(), raw(returned));
  }

  /** Whether {@code async} is {@code sync}, its boxed form, or its {@code Async} twin. */
  private static boolean sameOrTwin(Class<?> sync, Class<?> async) {
    if (sync == void.class) {
      return async == Void.class || async == void.class;
    }
    return boxed(sync) == async
        || sync == async
        || (async.getPackage() == sync.getPackage()
            && async.getSimpleName().equals("Async" + sync.getSimpleName()));
  }

  private static Class<?> boxed(Class<?> type) {
    return MethodType.methodType(type).wrap().returnType();
  }

  private static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case TypeVariable<?> v -> raw(v.getBounds()[0]);
      case WildcardType w -> raw(w.getUpperBounds()[0]);
      case GenericArrayType a -> raw(a.getGenericComponentType()).arrayType();
      default -> throw new AssertionError("unexpected type " + type);
    };
  }
}
