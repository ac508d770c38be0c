package dev.tusk.internal.engine;

import static dev.tusk.internal.engine.Scripted.description;
import static dev.tusk.internal.engine.Scripted.failure;
import static dev.tusk.internal.engine.Scripted.field;
import static dev.tusk.internal.engine.Scripted.idle;
import static dev.tusk.internal.engine.Scripted.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tusk.errors.SyntaxError;
import dev.tusk.internal.buffer.WriteBuffer;
import dev.tusk.internal.protocol.NoData;
import dev.tusk.internal.protocol.ParameterDescription;
import dev.tusk.internal.protocol.ParseComplete;
import dev.tusk.internal.protocol.RowDescription;
import org.junit.jupiter.api.Test;

/** The describe-only exchange: Parse, Describe and Sync out; parameter types and columns back. */
class DescribeStatementTest {

  private static final String SQL = "SELECT name FROM t WHERE id = $1";

  @Test
  void sendsParseDescribeAndSyncOfTheUnnamedStatement() {
    WriteBuffer out = new WriteBuffer();
    new DescribeStatement(SQL).encode(out);
    Expected expected =
        new Expected().message('P', "", SQL, (short) 0).message('D', 'S', "").message('S');
    assertArrayEquals(expected.toByteArray(), out.toByteArray());
  }

  @Test
  void givesTheParameterTypesAndColumns() {
    RowDescription columns = description(field("name", 25, 0));
    DescribeStatement.Described described =
        run(
            new DescribeStatement(SQL),
            new ParseComplete(),
            new ParameterDescription(new int[] {23}),
            columns,
            idle());
    assertArrayEquals(new int[] {23}, described.parameterTypes());
    assertSame(columns, described.columns());
  }

  @Test
  void aStatementWithoutRowsHasNoColumns() {
    DescribeStatement.Described described =
        run(
            new DescribeStatement("SET x TO 1"),
            new ParseComplete(),
            new ParameterDescription(new int[0]),
            new NoData(),
            idle());
    assertEquals(0, described.parameterTypes().length);
    assertNull(described.columns());
  }

  @Test
  void aParseErrorFailsIt() {
    Throwable error =
        failure(
            new DescribeStatement("SELEC 1"),
            ExtendedQueryTest.error("42601", "syntax error at or near \"SELEC\""),
            idle());
    assertInstanceOf(SyntaxError.class, error);
  }
}
