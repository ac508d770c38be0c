package dev.tusk.jdbc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.testing.TestSchema;
import dev.tusk.testing.TuskTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** setObject with and without a target type, as ORMs and templates call it. */
@TuskTest
class SetObjectTest {

  private Connection connection;

  @BeforeEach
  void open(TestSchema schema) throws SQLException {
    connection = JdbcTarget.connect(schema);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private String text(String sql, Object value, int targetType) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setObject(1, value, targetType);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private String text(String sql, Object value) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void targetTypesConvertTheValue() throws SQLException {
    assertEquals("42", text("SELECT ?::text", 42, Types.VARCHAR));
    assertEquals("1.50", text("SELECT ?::numeric(5,2)", "1.5", Types.NUMERIC));
    assertEquals("7", text("SELECT ? + 0", "7", Types.INTEGER));
    assertEquals("t", text("SELECT ?", "true", Types.BOOLEAN));
    assertEquals("1", text("SELECT ? + 0", true, Types.INTEGER));
    assertEquals("2024-02-29", text("SELECT ?", "2024-02-29", Types.DATE));
    assertEquals("{\"a\": 1}", text("SELECT ?::jsonb", "{\"a\":1}", Types.OTHER));
  }

  @Test
  void javaClassesPickTheirType() throws SQLException {
    UUID id = UUID.randomUUID();
    assertEquals(id.toString(), text("SELECT ?", id));
    assertEquals("2024-01-02", text("SELECT ?", LocalDate.of(2024, 1, 2)));
    assertEquals("2024-01-02 03:04:05", text("SELECT ?", LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    assertEquals(
        "2024-01-02 03:04:05+00",
        text(
            "SELECT ?::timestamptz AT TIME ZONE 'UTC' || '+00'",
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    assertEquals("12.5", text("SELECT ?", new BigDecimal("12.5")));
    assertEquals("{1,2,3}", text("SELECT ?", new int[] {1, 2, 3}));
    assertEquals("{a,b}", text("SELECT ?", List.of("a", "b")));
    assertEquals("\\x0102", text("SELECT ?", new byte[] {1, 2}));
    assertEquals("7", text("SELECT ?::int + 0", (byte) 7));
    assertEquals("x", text("SELECT ?", 'x'));
  }
}
