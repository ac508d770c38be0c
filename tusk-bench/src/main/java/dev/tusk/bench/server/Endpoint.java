package dev.tusk.bench.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the benchmark's server listens, over TCP for every client (Java drivers, pgbench and psql
 * alike), and who may log in.
 *
 * @param host the host name or address
 * @param port the TCP port
 * @param database the database holding the {@link #SCHEMA} schema
 * @param owner the login the workloads run as; it owns the benchmark's tables
 * @param logins the logins workload f connects with, by method
 * @param sslmode how the Java drivers connect: {@code disable}, or {@code require} for the tables
 *     over TLS (see {@link #overTls()})
 */
public record Endpoint(
    String host, int port, String database, Login owner, Map<Auth, Login> logins, String sslmode) {

  /** The schema holding every benchmark table, so nothing else in the database is touched. */
  public static final String SCHEMA = "tusk_bench";

  /** Copies the map. */
  public Endpoint {
    logins = Map.copyOf(logins);
  }

  /** An endpoint the Java drivers reach without TLS. */
  public Endpoint(String host, int port, String database, Login owner, Map<Auth, Login> logins) {
    this(host, port, database, owner, logins, "disable");
  }

  /**
   * The same server with TLS for the Java drivers ({@code sslmode=require}: encrypted, the
   * certificate not checked, for Tusk and pgjdbc alike). The libpq tools still connect without.
   */
  public Endpoint overTls() {
    return new Endpoint(host, port, database, owner, logins, "require");
  }

  /** The pgjdbc URL, without credentials (see {@link #jdbcProperties}). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=" + sslmode;
  }

  /** The pgjdbc connection properties for {@code login}. */
  public Properties jdbcProperties(Login login) {
    Properties properties = new Properties();
    properties.setProperty("user", login.user());
    login.optionalPassword().ifPresent(p -> properties.setProperty("password", p));
    return properties;
  }

  /** A libpq {@code key=value} connection string for Tusk; holds the password, never print it. */
  public String conninfo(Login login) {
    StringBuilder out = new StringBuilder();
    out.append("host=").append(quote(host)).append(" port=").append(port);
    out.append(" dbname=").append(quote(database)).append(" user=").append(quote(login.user()));
    out.append(" sslmode=").append(sslmode);
    login.optionalPassword().ifPresent(p -> out.append(" password=").append(quote(p)));
    return out.toString();
  }

  /** The libpq command-line options ({@code -h -p -U}) shared by pgbench and psql. */
  public List<String> libpqOptions(Login login) {
    return libpqOptions(host, login);
  }

  /** The same with another {@code -h}: a Unix socket directory, say. */
  public List<String> libpqOptions(String hostOrSocketDirectory, Login login) {
    return List.of("-h", hostOrSocketDirectory, "-p", Integer.toString(port), "-U", login.user());
  }

  /**
   * The environment a libpq tool needs: no TLS (as for the Java drivers) and {@code login}'s
   * password, if any.
   */
  public Map<String, String> libpqEnvironment(Login login) {
    Map<String, String> environment = new HashMap<>();
    environment.put("PGSSLMODE", "disable");
    login.optionalPassword().ifPresent(p -> environment.put("PGPASSWORD", p));
    return environment;
  }

  /** Quotes a conninfo value: single quotes, with backslash before quote and backslash. */
  private static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
