package dev.tusk.it.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.Connection;
import dev.tusk.Row;
import dev.tusk.sql.Literal;
import dev.tusk.sql.Placeholder;
import dev.tusk.sql.SQL;
import dev.tusk.testing.TuskTest;
import org.junit.jupiter.api.Test;

/**
 * pgjdbc CVE-2024-1597: with client-side binding, {@code SELECT -?, ?} given {@code -1} and a
 * string holding a line break made {@code SELECT --1, '...'}: the minus and the negative number
 * formed a line comment, and the string's second line ran as SQL. Tusk writes a negative number
 * after a space, so the two minus signs stay two operators.
 */
@TuskTest
class ClientBindingInjectionTest {

  private static final String PAYLOAD = "\n) UNION SELECT 'injected', 'injected' --";

  @Test
  void cve_2024_1597_negativeNumberAfterMinusCannotStartAComment(Connection conn) {
    Row row = conn.clientCursor().execute("SELECT -$1, $2", -1, PAYLOAD).fetchOne();
    assertEquals(1, row.getInt(0));
    assertEquals(PAYLOAD, row.getString(1));
  }

  @Test
  void cve_2024_1597_throughEveryNumericTypeAndComposition(Connection conn) {
    for (Object negative :
        new Object[] {
          -1,
          -1L,
          (short) -1,
          -1.0,
          -1.0f,
          new java.math.BigDecimal("-1"),
          java.math.BigInteger.ONE.negate()
        }) {
      Row row = conn.clientCursor().execute("SELECT -$1 = 1, $2", negative, PAYLOAD).fetchOne();
      assertEquals(true, row.get(0), negative.getClass().getName());
      assertEquals(PAYLOAD, row.getString(1));
      Row composed =
          conn.execute(
                  SQL.of("SELECT -{}, {}").format(Literal.of(negative), Placeholder.of(1)), PAYLOAD)
              .fetchOne();
      assertEquals(PAYLOAD, composed.getString(1));
    }
  }
}
