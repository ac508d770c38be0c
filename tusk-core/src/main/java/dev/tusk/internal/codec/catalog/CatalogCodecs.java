package dev.tusk.internal.codec.catalog;

import dev.tusk.internal.codec.builtin.ArrayCodec;
import dev.tusk.internal.codec.builtin.CompositeCodec;
import dev.tusk.internal.codec.builtin.DomainCodec;
import dev.tusk.internal.codec.builtin.EnumCodec;
import dev.tusk.internal.codec.builtin.HstoreCodec;
import dev.tusk.internal.codec.builtin.RangeCodec;
import dev.tusk.internal.codec.builtin.TextCodec;
import dev.tusk.types.Codec;
import java.util.List;
import java.util.function.IntFunction;

/** Builds the codec for a type described by the catalog from the codecs of the types it uses. */
public final class CatalogCodecs {

  private CatalogCodecs() {}

  /**
   * The codec for {@code type}; {@code codecs} gives the codec for each type it refers to. Of the
   * extension types, hstore reads as a Map and citext as a String; others (and user multiranges)
   * are read as their text.
   */
  public static Codec<?> build(TypeDescription type, IntFunction<Codec<?>> codecs) {
    return switch (type) {
      case TypeDescription.EnumType e -> new EnumCodec(e.oid(), e.name(), e.labels());
      case TypeDescription.CompositeType c ->
          new CompositeCodec(c.oid(), c.name(), c.attributeNames(), fields(c, codecs));
      case TypeDescription.DomainType d ->
          DomainCodec.over(d.oid(), d.name(), codecs.apply(d.base()));
      case TypeDescription.ArrayType a -> new ArrayCodec(a.oid(), codecs.apply(a.element()));
      case TypeDescription.RangeType r ->
          new RangeCodec(r.oid(), r.name(), codecs.apply(r.subtype()));
      case TypeDescription.OtherType o -> extension(o);
    };
  }

  private static Codec<?> extension(TypeDescription.OtherType type) {
    return switch (type.name()) {
      case "hstore" -> new HstoreCodec(type.oid());
      // citext sends and receives exactly as text does.
      case "citext" -> TextCodec.textLike(type.oid(), type.name());
      default -> TextCodec.textOnly(type.oid(), type.name());
    };
  }

  private static List<Codec<?>> fields(
      TypeDescription.CompositeType type, IntFunction<Codec<?>> codecs) {
    return type.attributeTypes().stream().<Codec<?>>map(codecs::apply).toList();
  }
}
