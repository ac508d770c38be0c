package dev.tusk.internal.protocol;

import java.util.List;

/**
 * The server starts SASL authentication (type 'R', code 10).
 *
 * @param mechanisms the mechanisms the server accepts, in its order of preference
 */
public record AuthenticationSASL(List<String> mechanisms) implements Authentication {

  /** Keeps an unmodifiable copy of {@code mechanisms}. */
  public AuthenticationSASL {
    mechanisms = List.copyOf(mechanisms);
  }
}
