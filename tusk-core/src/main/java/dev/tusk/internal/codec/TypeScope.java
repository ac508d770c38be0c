package dev.tusk.internal.codec;

import dev.tusk.errors.DatabaseError;
import dev.tusk.errors.Diagnostic;
import dev.tusk.errors.ProgrammingError;
import dev.tusk.errors.UndefinedObject;
import dev.tusk.internal.codec.builtin.JsonCodec;
import dev.tusk.internal.codec.builtin.TextCodec;
import dev.tusk.internal.codec.catalog.CatalogCodecs;
import dev.tusk.internal.codec.catalog.TypeCatalog;
import dev.tusk.internal.codec.catalog.TypeDescription;
import dev.tusk.internal.codec.param.ParameterEncoder;
import dev.tusk.internal.codec.param.ParameterEncoders;
import dev.tusk.internal.codec.param.TypedParameter;
import dev.tusk.types.Codec;
import dev.tusk.types.Json;
import dev.tusk.types.JsonMapper;
import dev.tusk.types.Param;
import dev.tusk.types.TypeRegistry;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * A {@link TypeRegistry}: the global one, a connection's or a cursor's. It publishes an immutable
 * {@link CodecRegistry} through a volatile field (writers copy it under a lock; readers never lock)
 * and, on a connection, adds the types its {@link TypeCatalog} describes, building their codecs
 * from this scope's codecs once per table and catalog generation.
 *
 * <p>Catalog lookups run on the caller's thread as ordinary requests of the connection: they wait
 * while another thread holds a transaction block, and run inside the caller's own block or
 * autocommit-off transaction. In a failed transaction the lookup fails; result columns of such a
 * type then read as text (String) this once, and the lookup is tried again on next use.
 */
public final class TypeScope implements TypeRegistry {

  private static final TypeScope GLOBAL = new TypeScope(CodecRegistry.defaults(), null);

  /** The built-in codecs alone, never registered to: for the driver's own queries. */
  private static final TypeScope BUILTINS = new TypeScope(CodecRegistry.defaults(), null);

  /** Codecs built from catalog descriptions for one table and one catalog generation. */
  private record Derived(CodecRegistry registry, int generation, Map<Integer, Codec<?>> codecs) {}

  private final TypeCatalog catalog;
  private final ReentrantLock writes = new ReentrantLock();
  private volatile CodecRegistry registry;
  private volatile Derived derived;

  private TypeScope(CodecRegistry registry, TypeCatalog catalog) {
    this.registry = registry;
    this.catalog = catalog;
  }

  /** The JVM-wide registry that new connections copy. */
  public static TypeScope global() {
    return GLOBAL;
  }

  /** The built-in codecs only, whatever users registered: for the driver's own queries. */
  public static TypeScope builtins() {
    return BUILTINS;
  }

  /** A new scope with a copy of this one's registrations and {@code catalog}: a connection's. */
  public TypeScope forConnection(TypeCatalog catalog) {
    return new TypeScope(registry, Objects.requireNonNull(catalog));
  }

  /** A new scope with a copy of this one's registrations, sharing its catalog: a cursor's. */
  public TypeScope copy() {
    return new TypeScope(registry, catalog);
  }

  /**
   * The session's TimeZone, in which binary timestamptz values read as text are shown; null for UTC
   * (and for scopes without a connection).
   */
  public ZoneId sessionZone() {
    return catalog == null ? null : catalog.sessionZone();
  }

  /** The current table of this scope's codecs, for decoding one result. */
  public CodecRegistry registry() {
    return registry;
  }

  @Override
  public TypeRegistry register(Codec<?> codec) {
    Objects.requireNonNull(codec, "codec");
    return update(table -> table.with(codec));
  }

  @Override
  public TypeRegistry register(String typeName, IntFunction<? extends Codec<?>> factory) {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(factory, "factory");
    return update(table -> table.withNamed(typeName, factory));
  }

  @Override
  public <T> TypeRegistry registerParameter(Class<T> javaClass, Codec<? super T> codec) {
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(codec, "codec");
    return update(table -> table.withParameter(javaClass, codec));
  }

  @Override
  public TypeRegistry registerParameter(Class<?> javaClass, String typeName) {
    Objects.requireNonNull(javaClass, "javaClass");
    Objects.requireNonNull(typeName, "typeName");
    return update(table -> table.withParameter(javaClass, typeName));
  }

  @Override
  public TypeRegistry jsonMapper(JsonMapper mapper) {
    return update(table -> table.withJsonMapper(mapper));
  }

  @Override
  public JsonMapper jsonMapper() {
    return registry.jsonMapper();
  }

  @Override
  public Codec<?> codec(int oid) {
    Codec<?> codec = registry.find(oid);
    return codec != null ? codec : derivedCodec(oid);
  }

  @Override
  public Codec<?> codec(String typeName) {
    Objects.requireNonNull(typeName, "typeName");
    Codec<?> known = registry.findByName(typeName);
    if (known != null) {
      return known;
    }
    if (catalog != null) {
      Integer oid = catalog.oidFor(typeName);
      if (oid == null) {
        catalog.learn(List.of(), List.of(typeName));
        oid = catalog.oidFor(typeName);
      }
      Codec<?> codec = oid == null ? null : codec(oid);
      if (codec != null) {
        return codec;
      }
    }
    throw new UndefinedObject(
        Diagnostic.client(
            UndefinedObject.SQLSTATE,
            "type \""
                + typeName
                + "\" does not exist"
                + (catalog == null
                    ? " among the built-in types (only a connection's registry looks types up in"
                        + " its catalog)"
                    : "")));
  }

  @Override
  public void refresh() {
    if (catalog != null) {
      catalog.refresh();
    }
  }

  /**
   * The codec for each of {@code oids}, looking every type this scope does not know up in the
   * catalog with one query. A type the catalog cannot describe now (in a failed transaction, say)
   * gets a text-only codec that reads the server's text as a String.
   */
  public Codec<?>[] codecsFor(int[] oids) {
    Codec<?>[] codecs = new Codec<?>[oids.length];
    List<Integer> unknown = new ArrayList<>(0);
    for (int i = 0; i < oids.length; i++) {
      codecs[i] = codec(oids[i]);
      if (codecs[i] == null && !unknown.contains(oids[i])) {
        unknown.add(oids[i]);
      }
    }
    if (!unknown.isEmpty() && catalog != null) {
      learnForResult(unknown);
    }
    for (int i = 0; i < oids.length; i++) {
      if (codecs[i] == null) {
        Codec<?> learned = codec(oids[i]);
        codecs[i] = learned != null ? learned : TextCodec.unknownType(oids[i]);
      }
    }
    return codecs;
  }

  /** Whether this scope reads values of this type in binary; false for a type not yet known. */
  public boolean hasBinary(int oid) {
    Codec<?> codec = codec(oid);
    return codec != null && codec.hasBinary();
  }

  /**
   * How to send {@code value} (not null): a {@link Param} or {@link Json} as its type, a value of a
   * registered class as registered, anything else as the built-in codecs send it. Type names are
   * resolved here, through the catalog if need be, so that sending never waits for a query.
   *
   * @throws ProgrammingError if values of this Java type cannot be sent
   * @throws UndefinedObject if a type name does not exist
   */
  public ParameterEncoder encoderFor(Object value) {
    CodecRegistry table = registry;
    return switch (value) {
      case Param param ->
          TypedParameter.of(
              param.typeName() != null ? codec(param.typeName()) : codecForOid(param.oid()),
              table.jsonMapper());
      case Json json -> TypedParameter.of(JsonCodec.JSONB, table.jsonMapper());
      default -> {
        ParameterEncoder registered = table.registeredEncoder(value);
        String typeName = table.registeredTypeName(value.getClass());
        if (registered != null) {
          yield registered;
        }
        yield typeName != null
            ? TypedParameter.of(codec(typeName), table.jsonMapper())
            : ParameterEncoders.encoderFor(value);
      }
    };
  }

  /**
   * How every value of exactly {@code javaClass} is sent while this scope's registry stays the
   * same, when the class alone decides it (a codec registered for the class, or a built-in encoder
   * by class); the same encoder {@link #encoderFor} gives such a value. Null when the value decides
   * ({@link Param}, {@link Json}, Lists, Maps...) or a type name is registered for the class (the
   * catalog resolves it).
   */
  public ParameterEncoder encoderForClass(Class<?> javaClass) {
    if (javaClass == Param.class || javaClass == Json.class) {
      return null;
    }
    CodecRegistry table = registry;
    ParameterEncoder registered = table.registeredEncoder(javaClass);
    if (registered != null) {
      return registered;
    }
    return table.registeredTypeName(javaClass) != null
        ? null
        : ParameterEncoders.byClass(javaClass);
  }

  private Codec<?> codecForOid(int oid) {
    Codec<?> codec = codec(oid);
    if (codec == null && catalog != null) {
      catalog.learn(List.of(oid), List.of());
      codec = codec(oid);
    }
    if (codec == null) {
      throw new UndefinedObject(
          Diagnostic.client(
              UndefinedObject.SQLSTATE, "no type has OID " + Integer.toUnsignedString(oid)));
    }
    return codec;
  }

  private void learnForResult(List<Integer> unknown) {
    try {
      catalog.learn(unknown, List.of());
    } catch (DatabaseError e) {
      // Typically a failed transaction (25P02): these columns read as text this time, and the
      // next result with such a type asks the catalog again.
    }
  }

  private Codec<?> derivedCodec(int oid) {
    if (catalog == null) {
      return null;
    }
    CodecRegistry table = registry;
    int generation = catalog.generation();
    Derived current = derived;
    if (current == null || current.registry() != table || current.generation() != generation) {
      current = new Derived(table, generation, new ConcurrentHashMap<>());
      derived = current;
    }
    Codec<?> codec = current.codecs().get(oid);
    if (codec != null) {
      return codec;
    }
    TypeDescription type = catalog.find(oid);
    if (type == null) {
      return null;
    }
    codec = build(type, table);
    Codec<?> raced = current.codecs().putIfAbsent(oid, codec);
    return raced != null ? raced : codec;
  }

  private Codec<?> build(TypeDescription type, CodecRegistry table) {
    IntFunction<? extends Codec<?>> factory = table.factoryFor(type.schema(), type.name());
    if (factory == null) {
      return CatalogCodecs.build(type, this::codecOrText);
    }
    Codec<?> codec = factory.apply(type.oid());
    if (codec == null || codec.oid() != type.oid()) {
      throw new ProgrammingError(
          "the codec factory registered for type "
              + type.name()
              + " must make a codec for OID "
              + Integer.toUnsignedString(type.oid())
              + ", not "
              + (codec == null ? "null" : "one for OID " + codec.oid()));
    }
    return codec;
  }

  private Codec<?> codecOrText(int oid) {
    Codec<?> codec = codec(oid);
    return codec != null ? codec : TextCodec.unknownType(oid);
  }

  private TypeRegistry update(UnaryOperator<CodecRegistry> change) {
    writes.lock();
    try {
      registry = change.apply(registry);
    } finally {
      writes.unlock();
    }
    return this;
  }
}
