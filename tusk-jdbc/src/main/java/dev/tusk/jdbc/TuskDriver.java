package dev.tusk.jdbc;

import dev.tusk.ConnectionOptions;
import dev.tusk.OAuthTokenSupplier;
import dev.tusk.PasswordSupplier;
import dev.tusk.errors.TuskException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for URLs {@code jdbc:tusk:postgresql://host[:port][,host[:port]...][/database]
 * [?property=value&...]}. It is found through {@link java.util.ServiceLoader} (and registers itself
 * with {@link DriverManager} when loaded). It does not claim {@code jdbc:postgresql:} URLs, so it
 * and pgjdbc can share a class path: each application picks a driver by its URL.
 *
 * <p>Properties come from the URL and from the {@link Properties} passed to {@link #connect}; one
 * given in both is taken from the URL, as with pgjdbc. pgjdbc's common property names and libpq's
 * keywords are understood (see docs/jdbc.md); any other name is refused with its name in the
 * message.
 */
public final class TuskDriver implements Driver {

  /** The driver's name, as {@link java.sql.DatabaseMetaData#getDriverName()} reports it. */
  public static final String NAME = "Tusk JDBC";

  static final int MAJOR_VERSION = 0;
  static final int MINOR_VERSION = 1;
  static final String VERSION = MAJOR_VERSION + "." + MINOR_VERSION;

  static {
    try {
      DriverManager.registerDriver(new TuskDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Made by {@link java.util.ServiceLoader} and by {@link DriverManager}. */
  public TuskDriver() {}

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // JDBC: another driver's URL
    }
    Properties properties = JdbcUrl.parse(url, info);
    int loginTimeout = DriverManager.getLoginTimeout();
    if (loginTimeout > 0 && !properties.containsKey("connectTimeout")) {
      properties.putIfAbsent("loginTimeout", String.valueOf(loginTimeout));
    }
    return open(ConnectionConfig.of(properties));
  }

  /** Opens a Tusk connection for {@code config} and wraps it. */
  static Connection open(ConnectionConfig config) throws SQLException {
    return open(config, null, null);
  }

  /**
   * Opens a Tusk connection for {@code config}, asking {@code passwordSupplier} (null: none) for
   * the password and {@code oauthTokenSupplier} (null: none) for an OAuth bearer token, and wraps
   * it.
   */
  static Connection open(
      ConnectionConfig config,
      PasswordSupplier passwordSupplier,
      OAuthTokenSupplier oauthTokenSupplier)
      throws SQLException {
    dev.tusk.Connection tusk;
    try {
      tusk =
          ConnectionOptions.of(config.keywords())
              .passwordSupplier(passwordSupplier)
              .oauthTokenSupplier(oauthTokenSupplier)
              .connect();
    } catch (TuskException e) {
      SQLException translated = SqlErrors.translate(e, false);
      if (translated.getSQLState() != null) {
        throw translated;
      }
      throw new java.sql.SQLNonTransientConnectionException(e.getMessage(), "08001", e);
    }
    try {
      return new JdbcConnection(tusk, config.settings());
    } catch (SQLException | RuntimeException e) {
      tusk.close();
      throw e;
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return JdbcUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties given = acceptsURL(url) ? JdbcUrl.parse(url, info) : new Properties();
    return ConnectionConfig.PGJDBC_PROPERTIES.stream()
        .map(
            name -> {
              DriverPropertyInfo property =
                  new DriverPropertyInfo(
                      name, name.equals("password") ? null : given.getProperty(name));
              property.required = false;
              return property;
            })
        .toArray(DriverPropertyInfo[]::new);
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** Not yet: LOB objects and a few metadata answers are missing (see docs/jdbc.md). */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("tusk-jdbc logs through System.Logger", "0A000");
  }
}
