package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {

  private static ConnectionConfig config(String url, String... keyValues) throws SQLException {
    Properties info = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      info.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return ConnectionConfig.of(JdbcUrl.parse(url, info));
  }

  @Test
  void acceptsOnlyItsOwnPrefix() {
    assertTrue(JdbcUrl.accepts("jdbc:tusk:postgresql://localhost/db"));
    assertFalse(JdbcUrl.accepts("jdbc:postgresql://localhost/db"));
    assertFalse(JdbcUrl.accepts(null));
  }

  @Test
  void hostsPortsAndDatabase() throws SQLException {
    String conninfo =
        config("jdbc:tusk:postgresql://db1:5433,[::1]:5434,db3/app%20db?user=me").conninfo();
    assertTrue(conninfo.contains("host='db1,::1,db3'"), conninfo);
    assertTrue(conninfo.contains("port='5433,5434,'"), conninfo);
    assertTrue(conninfo.contains("dbname='app db'"), conninfo);
    assertTrue(conninfo.contains("user='me'"), conninfo);
  }

  @Test
  void shortFormsNameOnlyTheDatabase() throws SQLException {
    assertTrue(config("jdbc:tusk:postgresql:app").conninfo().contains("dbname='app'"));
    assertFalse(config("jdbc:tusk:postgresql:/").conninfo().contains("dbname"));
  }

  @Test
  void pgjdbcPropertiesMapToConninfo() throws SQLException {
    String conninfo =
        config(
                "jdbc:tusk:postgresql://h/d?ApplicationName=app&connectTimeout=7"
                    + "&prepareThreshold=0&preparedStatementCacheQueries=50&tcpKeepAlive=true"
                    + "&targetServerType=preferSecondary&loadBalanceHosts=true&sslmode=disable"
                    + "&currentSchema=my%20schema&options=-c%20work_mem%3D64MB")
            .conninfo();
    assertTrue(conninfo.contains("application_name='app'"), conninfo);
    assertTrue(conninfo.contains("connect_timeout='7'"), conninfo);
    assertTrue(conninfo.contains("prepare_threshold='none'"), conninfo);
    assertTrue(conninfo.contains("statement_cache_size='50'"), conninfo);
    assertTrue(conninfo.contains("keepalives='1'"), conninfo);
    assertTrue(conninfo.contains("target_session_attrs='prefer-standby'"), conninfo);
    assertTrue(conninfo.contains("load_balance_hosts='random'"), conninfo);
    assertTrue(conninfo.contains("sslmode='disable'"), conninfo);
    assertTrue(conninfo.contains("-c work_mem=64MB"), conninfo);
    assertTrue(conninfo.contains("-c search_path=my\\\\ schema"), conninfo);
  }

  @Test
  void jdbcLayerSettings() throws SQLException {
    JdbcSettings settings =
        config(
                "jdbc:tusk:postgresql://h/d?defaultRowFetchSize=100&stringtype=unspecified"
                    + "&readOnly=true&socketTimeout=30&reWriteBatchedInserts=true"
                    + "&escapeSyntaxCallMode=callIfNoReturn")
            .settings();
    assertEquals(
        new JdbcSettings(100, true, true, 30_000, EscapeCallMode.CALL_IF_NO_RETURN), settings);
  }

  @Test
  void urlWinsOverProperties() throws SQLException {
    assertTrue(
        config("jdbc:tusk:postgresql://h/d?user=fromurl", "user", "fromprops")
            .conninfo()
            .contains("user='fromurl'"));
  }

  @Test
  void unknownPropertyIsNamed() {
    SQLException e =
        assertThrows(SQLException.class, () -> config("jdbc:tusk:postgresql://h/d?sslFactry=x"));
    assertTrue(e.getMessage().contains("\"sslFactry\""), e.getMessage());
  }

  @Test
  void unsupportedValuesAreRefused() {
    assertThrows(
        SQLFeatureNotSupportedException.class,
        () -> config("jdbc:tusk:postgresql://h/d?autosave=always"));
    assertThrows(SQLException.class, () -> config("jdbc:tusk:postgresql://h/d?stringtype=int"));
    assertThrows(SQLException.class, () -> config("jdbc:tusk:postgresql://h/d?tcpKeepAlive=maybe"));
    assertThrows(SQLException.class, () -> config("jdbc:tusk:postgresql://h:abc/d"));
    assertThrows(
        SQLException.class, () -> config("jdbc:tusk:postgresql://h/d?escapeSyntaxCallMode=CALL"));
  }

  @Test
  void callEscapesRunAsSelectUnlessTold() throws SQLException {
    assertEquals(EscapeCallMode.SELECT, config("jdbc:tusk:postgresql://h/d").settings().callMode());
    assertEquals(
        EscapeCallMode.CALL,
        config("jdbc:tusk:postgresql://h/d?escapeSyntaxCallMode=call").settings().callMode());
  }

  @Test
  void tlsPropertiesReachTusk() throws SQLException {
    String conninfo =
        config(
                "jdbc:tusk:postgresql://h/d?sslmode=VERIFY-FULL&sslrootcert=/ca.crt"
                    + "&sslcert=/c.crt&sslkey=/c.key&sslcrl=/r.crl&sslnegotiation=direct"
                    + "&channel_binding=require&sslfactory=org.postgresql.ssl.LibPQFactory"
                    + "&sslhostnameverifier=org.postgresql.ssl.PGjdbcHostnameVerifier",
                "sslpassword",
                "key-s3cret")
            .conninfo();
    for (String expected :
        new String[] {
          "sslmode='verify-full'",
          "sslrootcert='/ca.crt'",
          "sslcert='/c.crt'",
          "sslkey='/c.key'",
          "sslcrl='/r.crl'",
          "sslnegotiation='direct'",
          "channel_binding='require'",
          "sslpassword='key-s3cret'"
        }) {
      assertTrue(conninfo.contains(expected), conninfo);
    }
    assertFalse(
        config("jdbc:tusk:postgresql://h/d?sslpassword=key-s3cret").toString().contains("s3cret"));
    // pgjdbc's ssl: true or empty verifies everything, false is the default prefer.
    assertTrue(
        config("jdbc:tusk:postgresql://h/d?ssl=true").conninfo().contains("sslmode='verify-full'"));
    assertTrue(
        config("jdbc:tusk:postgresql://h/d?ssl=").conninfo().contains("sslmode='verify-full'"));
    assertTrue(
        config("jdbc:tusk:postgresql://h/d?ssl=false").conninfo().contains("sslmode='prefer'"));
    assertTrue(
        config("jdbc:tusk:postgresql://h/d?ssl=true&sslmode=require")
            .conninfo()
            .contains("sslmode='require'"));
  }

  @Test
  void tlsClassesAreRefusedWithWhatToGiveInstead() {
    String[][] cases = {
      {"sslfactory=org.postgresql.ssl.NonValidatingFactory", "sslmode=require"},
      {"sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory", "sslrootcert=system"},
      {"sslfactory=com.example.MyFactory", "sslrootcert"},
      {"sslfactoryarg=x", "loads no SSLSocketFactory"},
      {"sslhostnameverifier=com.example.Trusting", "verify-full"},
      {"sslpasswordcallback=com.example.Prompt", "sslpassword"},
    };
    for (String[] refused : cases) {
      SQLFeatureNotSupportedException e =
          assertThrows(
              SQLFeatureNotSupportedException.class,
              () -> config("jdbc:tusk:postgresql://h/d?" + refused[0]),
              refused[0]);
      assertEquals("0A000", e.getSQLState());
      assertTrue(e.getMessage().contains(refused[1]), e.getMessage());
    }
  }

  @Test
  void passwordIsQuotedAndMasked() throws SQLException {
    ConnectionConfig config = config("jdbc:tusk:postgresql://h/d", "password", "it's s3cret\\");
    assertTrue(config.conninfo().contains("password='it\\'s s3cret\\\\'"), config.conninfo());
    assertFalse(config.toString().contains("s3cret"), config.toString());
  }

  @Test
  void scramKeysReachTuskAndAreMasked() throws SQLException {
    String client = "c2VjcmV0LWNsaWVudC1rZXktb2YtMzItYnl0ZXMhISE=";
    String server = "c2VjcmV0LXNlcnZlci1rZXktb2YtMzItYnl0ZXMhISE=";
    ConnectionConfig config =
        config(
            "jdbc:tusk:postgresql://h/d?scram_client_key=" + client.replace("=", "%3D"),
            "scram_server_key",
            server);
    assertTrue(config.conninfo().contains("scram_client_key='" + client + "'"), config.conninfo());
    assertTrue(config.conninfo().contains("scram_server_key='" + server + "'"), config.conninfo());
    assertFalse(config.toString().contains("c2VjcmV0"), config.toString());
    assertTrue(config.toString().contains("scram_server_key='********'"), config.toString());
  }

  @Test
  void gssapiSettingsReachTusk() throws SQLException {
    ConnectionConfig config =
        config(
            "jdbc:tusk:postgresql://h/d?gssEncMode=require&kerberosServerName=pg",
            "gssdelegation",
            "1");
    assertTrue(config.conninfo().contains("gssencmode='require'"), config.conninfo());
    assertTrue(config.conninfo().contains("krbsrvname='pg'"), config.conninfo());
    assertTrue(config.conninfo().contains("gssdelegation='1'"), config.conninfo());
  }

  @Test
  void oauthSettingsReachTuskAndTheClientSecretIsMasked() throws SQLException {
    ConnectionConfig config =
        config(
            "jdbc:tusk:postgresql://h/d?oauth_issuer=https://issuer.example&oauth_scope=openid",
            "oauth_client_secret",
            "s3cr3t");
    assertTrue(
        config.conninfo().contains("oauth_issuer='https://issuer.example'"), config.conninfo());
    assertTrue(config.conninfo().contains("oauth_client_secret='s3cr3t'"), config.conninfo());
    assertFalse(config.toString().contains("s3cr3t"), config.toString());
  }

  @Test
  void aDataSourceNeverShowsPasswordsOrKeys() {
    TuskDataSource dataSource = new TuskDataSource();
    dataSource.setUrl("jdbc:tusk:postgresql://h/d?scram_client_key=SECRETa&sslmode=require");
    dataSource.setProperty("scram_server_key", "SECRETb");
    dataSource.setProperty("sslpassword", "SECRETc");
    dataSource.setPassword("SECRETd");
    dataSource.setProperty("application_name", "shown");
    assertFalse(dataSource.toString().contains("SECRET"), dataSource.toString());
    assertTrue(dataSource.toString().contains("shown"), dataSource.toString());
    assertTrue(dataSource.toString().contains("sslmode=require"), dataSource.toString());
  }

  @Test
  void userInfoInTheAuthorityIsRefusedWithoutEchoingIt() {
    SQLException e =
        assertThrows(SQLException.class, () -> config("jdbc:tusk:postgresql://me:pw123@h/d"));
    assertFalse(e.getMessage().contains("pw123"));
  }

  @Test
  void commandTagCounts() {
    assertEquals(5, CommandTags.count("INSERT 0 5"));
    assertEquals(3, CommandTags.count("UPDATE 3"));
    assertEquals(0, CommandTags.count("CREATE TABLE"));
    assertEquals(0, CommandTags.count(null));
  }

  @Test
  void noSessionTimeZoneOverrideWhenTheUserSetsOne() throws SQLException {
    String conninfo = config("jdbc:tusk:postgresql://h/d?options=-c%20TimeZone%3DUTC").conninfo();
    assertEquals(conninfo.indexOf("TimeZone"), conninfo.lastIndexOf("TimeZone"), conninfo);
    assertNull(PgTypes.pgType(java.sql.Types.OTHER));
  }
}
