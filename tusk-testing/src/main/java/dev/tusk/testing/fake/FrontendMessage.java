package dev.tusk.testing.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A message the client sent to a {@link FakeServer}, as received.
 *
 * @param type the type byte ({@code 'Q'}, {@code 'P'}, {@code 'S'}...), or {@code 0} for the
 *     untyped packets that open a connection (StartupMessage, SSLRequest, CancelRequest)
 * @param body the bytes after the length field
 */
public record FrontendMessage(char type, byte[] body) {

  /** Copies the body. */
  public FrontendMessage {
    body = body.clone();
  }

  /** The body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * The first NUL-terminated string of the body: the SQL of a Query, the statement name of a Parse.
   */
  public String firstString() {
    int end = 0;
    while (end < body.length && body[end] != 0) {
      end++;
    }
    return new String(body, 0, end, StandardCharsets.UTF_8);
  }

  /** The message's name in the protocol's documentation, where it has one. */
  public String name() {
    return switch (type) {
      case 0 -> "startup packet";
      case 'Q' -> "Query";
      case 'P' -> "Parse";
      case 'B' -> "Bind";
      case 'D' -> "Describe";
      case 'E' -> "Execute";
      case 'S' -> "Sync";
      case 'H' -> "Flush";
      case 'C' -> "Close";
      case 'X' -> "Terminate";
      case 'p' -> "PasswordMessage";
      case 'd' -> "CopyData";
      case 'c' -> "CopyDone";
      case 'f' -> "CopyFail";
      default -> "message '" + type + "'";
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FrontendMessage that
        && type == that.type
        && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    String shown = body.length <= 64 ? HexFormat.of().formatHex(body) : body.length + " bytes";
    return name() + " [" + shown + "]";
  }
}
