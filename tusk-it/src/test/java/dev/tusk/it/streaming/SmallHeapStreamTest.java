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
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    TenMillionRows.class.getName(),
                    schema.conninfo()))
            .redirectErrorStream(true)
            .start();
    String output = readAll(child);
    assertTrue(child.waitFor(170, TimeUnit.SECONDS), "the child did not finish: " + output);
    assertEquals(0, child.exitValue(), output);
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
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx96m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HugeValue.class.getName(),
                    schema.conninfo()))
            .redirectErrorStream(true)
            .start();
    String output = readAll(child);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not end: " + output);
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("error=ConnectionFailure sqlstate=08006 closed=true"), output);
  }

  private static String readAll(Process child) throws IOException {
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
