package dev.tusk.it.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a fault test that leaves a Tusk thread ({@code tusk-...}) or a socket of this JVM behind:
 * after each test both counts must come back to what they were before it, within a few seconds. TCP
 * sockets are counted from {@code /proc/self/fd} and {@code /proc/net/tcp}, so only on Linux. For
 * tests whose connections the test itself closes (not connections injected by {@code @TuskTest},
 * closed after this check).
 */
final class NothingLeftBehind implements BeforeEachCallback, AfterEachCallback {

  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final Path OPEN_FILES = Path.of("/proc/self/fd");

  /**
   * Threads the driver starts once per JVM, the first time any connection needs them, and keeps:
   * not owned by a connection, so never left behind by one.
   */
  private static final Set<String> JVM_WIDE =
      Set.of("tusk-abandoned-streams", "tusk-callback-watch");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(NothingLeftBehind.class);

  private record Counts(List<String> threads, List<String> sockets) {}

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
              + "), sockets "
              + now.sockets()
              + " (before: "
              + before.sockets()
              + ")");
    }
  }

  private static boolean leaked(Counts before, Counts now) {
    return now.threads().size() > before.threads().size()
        || now.sockets().size() > before.sockets().size();
  }

  private static Counts count() {
    List<String> threads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(name -> name.startsWith("tusk-") && !JVM_WIDE.contains(name))
            .sorted()
            .toList();
    return new Counts(threads, sockets());
  }

  /**
   * This JVM's TCP sockets, as {@code localPort->remotePort stState}. Unix sockets are left out:
   * the JDK keeps a socket pair of its own, made the first time a channel is closed under a blocked
   * read, and these tests use TCP only.
   */
  private static List<String> sockets() {
    if (!Files.isDirectory(OPEN_FILES)) {
      return List.of();
    }
    Map<String, String> tcp = TcpTable.byInode();
    try (Stream<Path> files = Files.list(OPEN_FILES)) {
      return files
          .map(NothingLeftBehind::socketInode)
          .filter(tcp::containsKey)
          .map(tcp::get)
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String socketInode(Path descriptor) {
    try {
      String target = Files.readSymbolicLink(descriptor).toString();
      return target.startsWith("socket:[") ? target.substring(8, target.length() - 1) : "";
    } catch (IOException | UnsupportedOperationException e) {
      return ""; // closed while listing
    }
  }
}
