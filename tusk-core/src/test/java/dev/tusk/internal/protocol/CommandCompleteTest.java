package dev.tusk.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandCompleteTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INSERT 0 5|INSERT|5",
        "INSERT 16385 1|INSERT|1",
        "UPDATE 3|UPDATE|3",
        "DELETE 0|DELETE|0",
        "SELECT 12345678901|SELECT|12345678901",
        "MOVE 2|MOVE|2",
        "FETCH 7|FETCH|7",
        "COPY 10|COPY|10",
        "MERGE 4|MERGE|4",
        "CREATE TABLE|CREATE|-1",
        "BEGIN|BEGIN|-1",
        "SELECT|SELECT|-1",
        "SET|SET|-1",
        "UPDATE x|UPDATE|-1",
        "'INSERT 0 '|INSERT|-1",
        "COPY 1234567890123456789|COPY|-1",
        "DISCARD ALL|DISCARD|-1",
      })
  void commandAndRowCount(String tag, String command, long rowCount) {
    CommandComplete complete = new CommandComplete(tag);
    assertEquals(command, complete.command());
    assertEquals(rowCount, complete.rowCount());
  }
}
