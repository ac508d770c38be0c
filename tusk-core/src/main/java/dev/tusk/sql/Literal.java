package dev.tusk.sql;

import dev.tusk.errors.ProgrammingError;
import dev.tusk.types.Codec;
import dev.tusk.types.Json;
import dev.tusk.types.Param;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A value written into SQL text, for statements that cannot take parameters ({@code SET}, DDL
 * defaults, {@code DO} blocks). Strings go through {@link Quoting#literal}; other values are
 * written by their type's codec and cast to the type ({@code '2025-01-31'::date}); numbers and
 * booleans as bare SQL constants. Prefer parameters ({@link Placeholder}) wherever the statement
 * takes them.
 *
 * <table>
 *   <caption>How values render</caption>
 *   <tr><th>value</th><th>SQL</th></tr>
 *   <tr><td>null</td><td>{@code NULL}</td></tr>
 *   <tr><td>String, Character, enum constant (its name)</td><td>{@code 'text'}</td></tr>
 *   <tr><td>Boolean</td><td>{@code true}, {@code false}</td></tr>
 *   <tr><td>Byte, Short, Integer, Long, BigInteger, BigDecimal, finite Float and Double</td>
 *       <td>{@code 42}, {@code  -1.5} (a negative number starts with a space, so that it cannot
 *       follow a {@code -} as a {@code --} comment)</td></tr>
 *   <tr><td>NaN and infinite Float and Double</td><td>{@code 'NaN'::float8}</td></tr>
 *   <tr><td>byte[]</td><td>{@code  E'\\x0102'::bytea}</td></tr>
 *   <tr><td>{@link Json}</td><td>{@code '{"a": 1}'::jsonb}</td></tr>
 *   <tr><td>java.time values, UUID, Duration, and the {@code dev.tusk.types} value classes</td>
 *       <td>their codec's text cast to their type: {@code '...'::timestamptz}</td></tr>
 *   <tr><td>{@link Param} (a value with its type named)</td><td>the named type's codec's text,
 *       cast to it</td></tr>
 *   <tr><td>a List, Object[] or primitive array</td><td>{@code ARRAY[...]} of its elements;
 *       {@code '{}'} when empty</td></tr>
 * </table>
 *
 * @param value the value; null is SQL NULL
 */
public record Literal(Object value) implements Composable {

  /**
   * A type name fit to follow {@code ::}: words, dots, spaces, digits, parentheses, commas and
   * {@code []}. Nothing in it can open a string, an identifier or a comment.
   */
  private static final Pattern TYPE_NAME =
      Pattern.compile(
          "[\\p{L}_][\\p{L}\\p{N}_$]*([. ]+[\\p{L}_][\\p{L}\\p{N}_$]*)*"
              + "(\\(\\d+(, ?\\d+)?\\))?( ?\\[\\])*");

  /** The value as a literal. */
  public static Literal of(Object value) {
    return new Literal(value);
  }

  @Override
  public String asString(SqlContext context) {
    return render(value, context);
  }

  private static String render(Object value, SqlContext context) {
    return switch (value) {
      case null -> "NULL";
      case String text -> Quoting.literal(text);
      case Character c -> Quoting.literal(c.toString());
      case Enum<?> constant -> Quoting.literal(constant.name());
      case Boolean b -> b.toString();
      case Byte n -> number(n.toString());
      case Short n -> number(n.toString());
      case Integer n -> number(n.toString());
      case Long n -> number(n.toString());
      case BigInteger n -> number(n.toString());
      case BigDecimal n -> number(n.toString());
      case Double d ->
          d.isNaN() || d.isInfinite() ? typed(d.toString(), "float8") : number(d.toString());
      case Float f ->
          f.isNaN() || f.isInfinite() ? typed(f.toString(), "float4") : number(f.toString());
      case Json json -> typed(json.text(), "jsonb");
      case Param param -> param(param, context);
      case List<?> list -> array(list, context);
      case Object[] array -> array(Arrays.asList(array), context);
      default -> byType(value, context);
    };
  }

  /**
   * A number as a bare constant; a negative one after a space, so {@code -} and it never make
   * {@code --}.
   */
  private static String number(String text) {
    return text.startsWith("-") ? " " + text : text;
  }

  private static String typed(String text, String typeName) {
    return Quoting.literal(text) + "::" + typeName;
  }

  private static String param(Param param, SqlContext context) {
    Codec<?> codec =
        param.typeName() != null
            ? context.types().codec(param.typeName())
            : context.types().codec(param.oid());
    if (codec == null) {
      throw new ProgrammingError(
          "no codec knows the type with OID " + param.oid() + "; name the type instead");
    }
    String typeName = param.typeName() != null ? param.typeName() : codec.typeName();
    if (!TYPE_NAME.matcher(typeName).matches()) {
      throw new ProgrammingError(
          "the type name of a Literal's Param must be a plain SQL type name (words, dots, spaces,"
              + " digits in parentheses, []), not "
              + Quoting.literal(typeName));
    }
    if (param.value() == null) {
      return "NULL::" + typeName;
    }
    return typed(encode(codec, param.value()), typeName);
  }

  private static String array(List<?> items, SqlContext context) {
    if (items.isEmpty()) {
      return "'{}'";
    }
    StringBuilder out = new StringBuilder("ARRAY[");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ",").append(render(items.get(i), context));
    }
    return out.append(']').toString();
  }

  private static String byType(Object value, SqlContext context) {
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      // A primitive array: int[], long[], double[]...
      Object[] boxed = new Object[Array.getLength(value)];
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = Array.get(value, i);
      }
      return array(Arrays.asList(boxed), context);
    }
    LiteralTypes.Target target = LiteralTypes.of(value);
    if (target == null) {
      throw new ProgrammingError(
          "cannot write a "
              + value.getClass().getName()
              + " as a SQL literal; supported: "
              + LiteralTypes.SUPPORTED
              + ", or wrap it in Param.of(value, \"type_name\")");
    }
    Codec<?> codec = context.types().codec(target.typeName());
    return typed(encode(codec, target.converted()), target.typeName());
  }

  @SuppressWarnings("unchecked")
  private static String encode(Codec<?> codec, Object value) {
    if (!codec.javaType().isInstance(value)) {
      throw new ProgrammingError(
          "cannot write a "
              + value.getClass().getName()
              + " as "
              + codec.typeName()
              + ": its codec takes "
              + codec.javaType().getName());
    }
    return ((Codec<Object>) codec).encodeText(value);
  }
}
