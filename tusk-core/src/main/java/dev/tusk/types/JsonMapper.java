package dev.tusk.types;

/**
 * Converts between Java objects and JSON text, so that json and jsonb columns read as any class
 * ({@code row.get("doc", Order.class)}) and {@link Param#json(Object)} sends any object. Tusk ships
 * no JSON library: plug in one (Jackson, Gson, ...) per {@link TypeRegistry} with a few lines of
 * glue. Implementations must be thread-safe.
 */
public interface JsonMapper {

  /** The JSON text for {@code value}, which is not null. */
  String write(Object value);

  /** The object of class {@code type} that {@code json} describes. */
  <T> T read(String json, Class<T> type);
}
