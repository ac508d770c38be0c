package dev.tusk.testing.fake;

import java.io.IOException;

/** One thing a script does on a connection. */
interface Step {

  /** Does it; a {@link ScriptFailure} when the client did not do what was expected. */
  void run(FakeConnection connection) throws IOException, InterruptedException;

  /** What the step does, for failure messages. */
  String describe();

  static Step of(String description, Action action) {
    return new Step() {
      @Override
      public void run(FakeConnection connection) throws IOException, InterruptedException {
        action.run(connection);
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  /** A step's body. */
  @FunctionalInterface
  interface Action {
    void run(FakeConnection connection) throws IOException, InterruptedException;
  }
}
