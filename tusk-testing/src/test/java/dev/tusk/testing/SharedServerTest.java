package dev.tusk.testing;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A second test class in the same JVM, to see the same server as {@link PostgresServerTest}. */
class SharedServerTest {

  @Test
  void sameServerAsOtherTestClasses() throws SQLException {
    ServerSightings.recordAndCheck(SharedServerTest.class);
  }
}
