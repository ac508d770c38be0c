package dev.tusk.internal.engine;

import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.FrontendMessages;
import java.util.List;

/**
 * Closes named prepared statements on the server (evicted from the cache, or invalidated). Nobody
 * waits for it: closing a statement that no longer exists is not an error, and a failure leaves
 * only an unused statement behind.
 */
public final class CloseStatements extends Exchange<Void> {

  private final List<String> names;

  /**
   * @param names the statements to close, at least one
   */
  public CloseStatements(List<String> names) {
    this.names = List.copyOf(names);
  }

  @Override
  protected void encode(WriteBuffer out) {
    for (String name : names) {
      FrontendMessages.closeStatement(out, name);
    }
    FrontendMessages.sync(out);
  }

  @Override
  protected Void result() {
    return null;
  }

  @Override
  protected void onCloseComplete() {
    // Expected, one per name.
  }
}
