package dev.tusk.types;

import java.util.Objects;

/**
 * A JSON document as text. As a parameter it is sent as {@code jsonb} (state {@code json} with
 * {@link Param#of(Object, String)}); json and jsonb columns read as it with {@code row.get(i,
 * Json.class)}. The text is not parsed on the client: the server validates it.
 *
 * @param text the JSON text
 */
public record Json(String text) {

  /** Checks that the text is present. */
  public Json {
    Objects.requireNonNull(text, "text");
  }

  /** The document with this JSON text. */
  public static Json of(String text) {
    return new Json(text);
  }

  /** The JSON text. */
  @Override
  public String toString() {
    return text;
  }
}
