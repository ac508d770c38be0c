package dev.tusk.testing.fake;

import java.io.IOException;

/** The client did not do what the script expected; the fake server closes the connection. */
final class ScriptFailure extends IOException {

  private static final long serialVersionUID = 1L;

  ScriptFailure(String message) {
    super(message);
  }
}
