package dev.tusk.it.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** Ten million rows stream through a JVM whose heap could not hold a tenth of them. */
@TuskTest
@Timeout(value = 180, threadMode = ThreadMode.SEPARATE_THREAD)
class SmallHeapStreamTest {

  @Test
  void tenMillionRowsStreamUnderASixtyFourMegabyteHeap(TestSchema schema) throws Exception {
    String output = runInJvm("-Xmx64m", TenMillionRows.class, schema);
    long rows = TenMillionRows.ROWS;
    assertTrue(
        output.contains("rows=" + rows + " sum=" + rows * (rows + 1) / 2 + " rowCount=" + rows),
        output);
  }

  /**
   * Issue 15, defect 1: the thread reading a row too large for the heap gets OutOfMemoryError;
   * every caller gets a typed error instead of waiting forever, the connection closes, and the JVM
   * ends.
   */
  @Test
  void aRowTooLargeForTheHeapFailsTypedAndTheJvmEnds(TestSchema schema) throws Exception {
    String output = runInJvm("-Xmx96m", HugeValue.class, schema);
    assertTrue(output.contains("error=ConnectionFailure sqlstate=08006 closed=true"), output);
  }

  /**
   * Runs {@code main}'s main method in a JVM of its own with {@code heap}, given the schema's
   * connection string; checks it ends normally and returns what it printed.
   */
  private static String runInJvm(String heap, Class<?> main, TestSchema schema)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    heap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    main.getName(),
                    schema.conninfo()))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(150, TimeUnit.SECONDS), "the child did not end: " + output);
    assertEquals(0, child.exitValue(), output);
    return output;
  }
}
