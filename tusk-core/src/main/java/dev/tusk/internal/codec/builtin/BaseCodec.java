package dev.tusk.internal.codec.builtin;

import dev.tusk.types.Codec;

/**
 * The part of a {@link Codec} that only describes its type: OID, name, Java type and whether the
 * binary format is known. Subclasses supply the four conversions.
 *
 * @param <T> the Java type values decode to by default
 */
abstract class BaseCodec<T> implements Codec<T> {

  private final int oid;
  private final String typeName;
  private final Class<T> javaType;
  private final boolean binary;

  /** A codec for both formats. */
  BaseCodec(int oid, String typeName, Class<T> javaType) {
    this(oid, typeName, javaType, true);
  }

  /** A codec whose binary format is known only if {@code binary}; otherwise text only. */
  BaseCodec(int oid, String typeName, Class<T> javaType, boolean binary) {
    this.oid = oid;
    this.typeName = typeName;
    this.javaType = javaType;
    this.binary = binary;
  }

  @Override
  public final int oid() {
    return oid;
  }

  @Override
  public final String typeName() {
    return typeName;
  }

  @Override
  public final Class<T> javaType() {
    return javaType;
  }

  @Override
  public final boolean hasBinary() {
    return binary;
  }
}
