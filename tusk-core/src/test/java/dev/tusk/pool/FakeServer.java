package dev.tusk.pool;

import dev.tusk.errors.OperationalError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Opens {@link FakeConnection}s, remembers them, and can refuse to while "down". */
final class FakeServer implements Supplier<FakeConnection> {

  final List<FakeConnection> opened = new CopyOnWriteArrayList<>();
  volatile boolean down;

  @Override
  public FakeConnection get() {
    if (down) {
      throw new OperationalError("connection refused (fake server is down)");
    }
    FakeConnection connection = new FakeConnection();
    opened.add(connection);
    return connection;
  }

  long open() {
    return opened.stream().filter(c -> !c.closed).count();
  }
}
