package dev.tusk.it.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.Tusk;
import dev.tusk.errors.ProtocolViolation;
import dev.tusk.testing.PostgresServer;
import dev.tusk.testing.TuskTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Values far larger than a socket buffer against the real server, both ways, and the {@code
 * max_message_size} limit, which ends the connection instead of exhausting memory.
 */
@TuskTest
class LargeValueTest {

  private static final int MEBIBYTE = 1 << 20;
  private static final String PATTERN = "0123456789abcdef";
  private static final Duration HANG = Duration.ofSeconds(30);

  @Test
  void fiftyMebibyteTextFromTheServer(Connection conn) {
    int size = 50 * MEBIBYTE;
    String value =
        assertTimeoutPreemptively(
            HANG,
            () ->
                conn.execute("SELECT repeat($1, $2)", PATTERN, size / PATTERN.length())
                    .fetchOne()
                    .getString(0));
    assertEquals(size, value.length());
    assertTrue(value.equals(PATTERN.repeat(size / PATTERN.length())), "the value changed");
  }

  @Test
  void fiftyMebibyteTextParameterToTheServer(Connection conn) throws NoSuchAlgorithmException {
    // Two-byte characters at both ends check that no UTF-8 sequence is split at a buffer boundary.
    String value = "é" + PATTERN.repeat(50 * MEBIBYTE / PATTERN.length()) + "ß";
    Row row =
        assertTimeoutPreemptively(
            HANG, () -> conn.execute("SELECT length($1::text), md5($1::text)", value).fetchOne());
    assertEquals(value.length(), row.getInt(0));
    assertEquals(md5(value), row.getString(1));
    assertEquals(1, conn.execute("SELECT 1").fetchOne().getInt(0));
  }

  @Test
  void rowOverMaxMessageSizeIsAProtocolViolationThatCloses(PostgresServer server) {
    try (Connection conn = Tusk.connect(server.conninfo() + " max_message_size=1048576")) {
      String fits = conn.execute("SELECT repeat('x', $1)", MEBIBYTE / 2).fetchOne().getString(0);
      assertEquals(MEBIBYTE / 2, fits.length());

      ProtocolViolation error =
          assertTimeoutPreemptively(
              HANG,
              () ->
                  assertThrows(
                      ProtocolViolation.class,
                      () -> conn.execute("SELECT repeat('x', $1)", 2 * MEBIBYTE).fetchOne()));

      assertEquals("08P01", error.sqlState());
      assertTrue(error.getMessage().contains("1048576"), error.getMessage());
      assertTrue(conn.closed());
    }
  }

  private static String md5(String value) throws NoSuchAlgorithmException {
    byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }
}
