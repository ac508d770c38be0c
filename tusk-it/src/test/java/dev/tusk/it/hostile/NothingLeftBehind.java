package dev.tusk.it.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a fault test that leaves a Tusk thread ({@code tusk-...}) or a socket of this JVM behind:
 * after each test both counts must come back to what they were before it, within a few seconds.
 * Sockets are counted from {@code /proc/self/fd}, so only on Linux. For tests whose connections the
 * test itself closes (not connections injected by {@code @TuskTest}, closed after this check).
 */
final class NothingLeftBehind implements BeforeEachCallback, AfterEachCallback {

  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final Path OPEN_FILES = Path.of("/proc/self/fd");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NothingLeftBehind.class);

  private record Counts(List<String> threads, long sockets) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(Counts.class, count());
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    Counts before = context.getStore(NAMESPACE).remove(Counts.class, Counts.class);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Counts now = count();
    while (leaked(before, now) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      now = count();
    }
    if (leaked(before, now)) {
      throw new AssertionError(
          "left behind: threads "
              + now.threads()
              + " (before: "
              + before.threads()
              + "), "
              + now.sockets()
              + " sockets (before: "
              + before.sockets()
              + ")");
    }
  }

  private static boolean leaked(Counts before, Counts now) {
    return now.threads().size() > before.threads().size() || now.sockets() > before.sockets();
  }

  private static Counts count() {
    List<String> threads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> name.startsWith("tusk-"))
            .sorted()
            .toList();
    return new Counts(threads, sockets());
  }

  private static long sockets() {
    if (!Files.isDirectory(OPEN_FILES)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(OPEN_FILES)) {
      return files.filter(NothingLeftBehind::isSocket).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean isSocket(Path descriptor) {
    try {
      return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
    } catch (IOException | UnsupportedOperationException e) {
      return false; // closed while listing
    }
  }
}
