package dev.tusk.jdbc;

import dev.tusk.OAuthTokenSupplier;
import dev.tusk.PasswordSupplier;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for tusk-jdbc, configured with bean setters (as pools such as HikariCP do
 * with {@code dataSourceClassName=dev.tusk.jdbc.TuskDataSource}): either a whole {@link
 * #setUrl(String) URL}, or {@link #setServerName server}, {@link #setPortNumber port} and {@link
 * #setDatabaseName database}, plus any driver property through {@link #setProperty}. Each {@code
 * getConnection} opens a new physical connection; pool them with a pool.
 */
public class TuskDataSource implements DataSource, SelfWrapper {

  /** A secret's value in a URL's query, to be masked. */
  private static final Pattern SECRET_IN_URL =
      Pattern.compile("(?i)((?:" + String.join("|", ConnectionConfig.SECRETS) + ")=)[^&]*");

  private final Properties properties = new Properties();
  private String url;
  private PasswordSupplier passwordSupplier;
  private OAuthTokenSupplier oauthTokenSupplier;
  private int loginTimeoutSeconds;
  private PrintWriter logWriter;

  /** An unconfigured data source: localhost, port 5432, the user's database. */
  public TuskDataSource() {}

  /** The {@code jdbc:tusk:postgresql:} URL to connect to; it overrides the server settings. */
  public void setUrl(String url) {
    this.url = url;
  }

  /** The URL set by {@link #setUrl}, or null. */
  public String getUrl() {
    return url;
  }

  /** The server's host name (or several, comma-separated). */
  public void setServerName(String serverName) {
    properties.setProperty("host", serverName);
  }

  /** The server's host name, or null for localhost. */
  public String getServerName() {
    return properties.getProperty("host");
  }

  /** The server's port. */
  public void setPortNumber(int port) {
    properties.setProperty("port", String.valueOf(port));
  }

  /** The server's port, or 0 for the default 5432. */
  public int getPortNumber() {
    return Integer.parseInt(properties.getProperty("port", "0"));
  }

  /** The database to connect to. */
  public void setDatabaseName(String databaseName) {
    properties.setProperty("dbname", databaseName);
  }

  /** The database name, or null for the user's own. */
  public String getDatabaseName() {
    return properties.getProperty("dbname");
  }

  /** The user to connect as. */
  public void setUser(String user) {
    properties.setProperty("user", user);
  }

  /** The user to connect as, or null. */
  public String getUser() {
    return properties.getProperty("user");
  }

  /** The password; it is never shown by this object's toString(). */
  public void setPassword(String password) {
    properties.setProperty("password", password);
  }

  /**
   * Asks {@code supplier} for the password of each new connection, whenever the server asks for
   * one, instead of a fixed password: for rotating credentials such as cloud IAM tokens (null: no
   * supplier). A password set as well ({@link #setPassword}, the URL, {@link #getConnection(String,
   * String)}) is then an error when connecting; PGPASSWORD and the password file are not read. A
   * callback cannot be a URL or string property: give a pool this data source object itself
   * (HikariCP: {@code config.setDataSource(dataSource)}). See {@link PasswordSupplier} and
   * docs/jdbc.md.
   */
  public void setPasswordSupplier(PasswordSupplier supplier) {
    this.passwordSupplier = supplier;
  }

  /** The password supplier set by {@link #setPasswordSupplier}, or null. */
  public PasswordSupplier getPasswordSupplier() {
    return passwordSupplier;
  }

  /**
   * Asks {@code supplier} for an OAuth bearer token when a server asks for PostgreSQL 18's {@code
   * oauth} authentication (null: no supplier); the {@code oauth_issuer} property must name the
   * issuer the application trusts. As with {@link #setPasswordSupplier}, give a pool this data
   * source object itself. See {@link OAuthTokenSupplier} and docs/security.md.
   */
  public void setOAuthTokenSupplier(OAuthTokenSupplier supplier) {
    this.oauthTokenSupplier = supplier;
  }

  /** The OAuth token supplier set by {@link #setOAuthTokenSupplier}, or null. */
  public OAuthTokenSupplier getOAuthTokenSupplier() {
    return oauthTokenSupplier;
  }

  /** Sets {@code ApplicationName}. */
  public void setApplicationName(String name) {
    properties.setProperty("ApplicationName", name);
  }

  /** Sets {@code currentSchema}: the search_path of each connection. */
  public void setCurrentSchema(String schema) {
    properties.setProperty("currentSchema", schema);
  }

  /** Sets {@code sslmode}. */
  public void setSslmode(String sslmode) {
    properties.setProperty("sslmode", sslmode);
  }

  /** Sets {@code prepareThreshold}: runs before a statement is prepared on the server. */
  public void setPrepareThreshold(int threshold) {
    properties.setProperty("prepareThreshold", String.valueOf(threshold));
  }

  /** Sets {@code connectTimeout} in seconds. */
  public void setConnectTimeout(int seconds) {
    properties.setProperty("connectTimeout", String.valueOf(seconds));
  }

  /** Sets any driver property by its name, as the URL's query would (see docs/jdbc.md). */
  public void setProperty(String name, String value) {
    properties.setProperty(name, value);
  }

  /** The properties set so far, without the secrets (passwords and SCRAM keys). */
  public Properties getProperties() {
    Properties shown = new Properties();
    shown.putAll(properties);
    ConnectionConfig.SECRETS.forEach(shown::remove);
    return shown;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(properties);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Properties withUser = new Properties();
    withUser.putAll(properties);
    if (user != null) {
      withUser.setProperty("user", user);
    }
    if (password != null) {
      withUser.setProperty("password", password);
    }
    return getConnection(withUser);
  }

  private Connection getConnection(Properties given) throws SQLException {
    Properties merged =
        url == null ? JdbcUrl.parse(JdbcUrl.PREFIX + "/", given) : JdbcUrl.parse(url, given);
    if (loginTimeoutSeconds > 0) {
      merged.putIfAbsent("loginTimeout", String.valueOf(loginTimeoutSeconds));
    }
    return TuskDriver.open(ConnectionConfig.of(merged), passwordSupplier, oauthTokenSupplier);
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  /** Kept for JDBC; tusk-jdbc writes nothing to it (it logs through System.Logger). */
  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("tusk-jdbc logs through System.Logger", "0A000");
  }

  /** Declared here so that the public class answers reflective calls too. */
  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return SelfWrapper.super.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return SelfWrapper.super.isWrapperFor(type);
  }

  @Override
  public String toString() {
    String shownUrl = url == null ? "" : SECRET_IN_URL.matcher(url).replaceAll("$1********");
    return getClass().getSimpleName() + "[" + shownUrl + getProperties() + "]";
  }
}
