package dev.tusk.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** server_version to PQserverVersion's number. */
class ServerVersionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "17.2 (Debian 17.2-1.pgdg120+1) | 170002",
        "18beta1                        | 180000",
        "18devel                        | 180000",
        "18rc2                          | 180000",
        "10.5                           | 100005",
        "10                             | 100000",
        "9.6.24                         | 90624",
        "9.6                            | 90600",
        "9.6beta3                       | 90600",
        "16.0                           | 160000",
        "garbage                        | 0",
        "''                             | 0",
      })
  void parsesLikeLibpq(String text, int expected) {
    assertEquals(expected, ServerVersion.parse(text));
  }
}
