package dev.tusk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each test class saw of the server: port and postmaster start time. Every class that records
 * checks all sightings so far agree, so whichever class runs last compares against all others.
 */
final class ServerSightings {

  private static final Map<Class<?>, String> SIGHTINGS = new ConcurrentHashMap<>();

  private ServerSightings() {}

  static void recordAndCheck(Class<?> testClass) throws SQLException {
    PostgresServer server = PostgresServer.get();
    String sighting = server.port() + " started " + Jdbc.value("SELECT pg_postmaster_start_time()");
    SIGHTINGS.put(testClass, sighting);
    assertEquals(Set.of(sighting), Set.copyOf(SIGHTINGS.values()), SIGHTINGS.toString());
  }
}
