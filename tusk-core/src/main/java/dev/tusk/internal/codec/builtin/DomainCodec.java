package dev.tusk.internal.codec.builtin;

import dev.tusk.types.BinaryOutput;
import dev.tusk.types.Codec;

/**
 * A domain: its values are its base type's, in both formats, so everything is the base codec's but
 * the OID and the name. The server checks the domain's constraints on values sent as it.
 */
public final class DomainCodec<T> implements Codec<T> {

  private final int oid;
  private final String typeName;
  private final Codec<T> base;

  DomainCodec(int oid, String typeName, Codec<T> base) {
    this.oid = oid;
    this.typeName = typeName;
    this.base = base;
  }

  /** A domain over {@code base}. */
  public static <T> DomainCodec<T> over(int oid, String typeName, Codec<T> base) {
    return new DomainCodec<>(oid, typeName, base);
  }

  /** The base type's codec. */
  Codec<T> base() {
    return base;
  }

  /** The codec that really converts a codec's values: the base of a domain, else itself. */
  public static Codec<?> underlying(Codec<?> codec) {
    Codec<?> current = codec;
    while (current instanceof DomainCodec<?> domain) {
      current = domain.base;
    }
    return current;
  }

  @Override
  public int oid() {
    return oid;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public Class<T> javaType() {
    return base.javaType();
  }

  @Override
  public boolean hasBinary() {
    return base.hasBinary();
  }

  @Override
  public T decodeText(byte[] bytes, int offset, int length) {
    return base.decodeText(bytes, offset, length);
  }

  @Override
  public T decodeBinary(byte[] bytes, int offset, int length) {
    return base.decodeBinary(bytes, offset, length);
  }

  @Override
  public void encodeBinary(T value, BinaryOutput out) {
    base.encodeBinary(value, out);
  }

  @Override
  public String encodeText(T value) {
    return base.encodeText(value);
  }

  @Override
  public Object decodeForConversion(int format, byte[] bytes, int offset, int length) {
    return base.decodeForConversion(format, bytes, offset, length);
  }
}
