package dev.tusk.it.gss;

import dev.tusk.Connection;
import dev.tusk.Tusk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.junit.jupiter.api.Assumptions;

/**
 * A Kerberos realm TUSK.TEST on loopback with Debian's PostgreSQL 15 that lets the role {@code
 * tusk} in by GSSAPI, set up by {@code .ci/gss-fixture}, and beside it, where {@code
 * .ci/postgresql-gss} could fetch it, Debian 13's PostgreSQL 17 set up alike, which also keeps the
 * credentials a client delegates. Where the KDC or PostgreSQL 15 is not installed the tests that
 * use it are skipped, saying why; so are those that need PostgreSQL 17, where it is missing.
 */
final class KerberosFixture implements AutoCloseable {

  static final String CLIENT = "tusk@TUSK.TEST";

  static final String SERVER = "postgres/localhost@TUSK.TEST";

  private final Path dir;
  private final int pgPort;
  private final int pg17Port;

  private KerberosFixture(Path dir, int pgPort, int pg17Port) {
    this.dir = dir;
    this.pgPort = pgPort;
    this.pg17Port = pg17Port;
  }

  private static KerberosFixture shared;

  /**
   * One fixture for the test classes of this JVM that ask for it (starting one takes seconds),
   * stopped when the JVM exits; skips the calling test class where it cannot be had.
   */
  static synchronized KerberosFixture shared() throws IOException, InterruptedException {
    if (shared == null) {
      KerberosFixture fixture = start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      fixture.close();
                    } catch (IOException | InterruptedException e) {
                      // The JVM is going; the temporary directory is all that may remain.
                    }
                  }));
      shared = fixture;
    }
    return shared;
  }

  /**
   * Starts the KDC and the server, or skips the calling test class. Kerberos's configuration is
   * process-wide, so test classes share one fixture through {@link #shared()}.
   */
  private static KerberosFixture start() throws IOException, InterruptedException {
    Path script = Path.of("..", ".ci", "gss-fixture").toAbsolutePath().normalize();
    Path dir = Files.createTempDirectory("tusk-gss");
    Process process =
        new ProcessBuilder("bash", script.toString(), dir.toString(), "pgx")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    Assumptions.assumeTrue(
        finished && process.exitValue() == 0,
        "no Kerberos fixture (needs krb5-kdc and postgresql-15 from Debian): " + output.strip());
    String[] ports = Files.readString(dir.resolve("ports")).strip().split(" ");
    // Process-wide, but only Kerberos reads it, and only these tests use Kerberos.
    System.setProperty("java.security.krb5.conf", dir.resolve("krb5.conf").toString());
    int pg17Port = ports.length > 2 ? Integer.parseInt(ports[2]) : 0;
    return new KerberosFixture(dir, Integer.parseInt(ports[1]), pg17Port);
  }

  /**
   * A connection string for {@code tusk} at localhost on PostgreSQL 15, with {@code settings}
   * appended.
   */
  String conninfo(String settings) {
    return conninfo(pgPort, settings);
  }

  /**
   * Like {@link #conninfo(String)} on PostgreSQL 17, whose server keeps delegated credentials
   * ({@code gss_accept_delegation = on}) and has dblink in database {@code postgres}; skips the
   * calling test where there is no PostgreSQL 17, saying why.
   */
  String conninfo17(String settings) throws IOException {
    if (pg17Port == 0) {
      Path missing = dir.resolve("pg17.missing");
      Assumptions.abort(
          "no PostgreSQL 16+ with GSSAPI to check delegation against (15 ignores delegated"
              + " credentials): "
              + (Files.exists(missing) ? Files.readString(missing).strip() : "not started"));
    }
    return conninfo(pg17Port, settings);
  }

  private static String conninfo(int port, String settings) {
    return "host=localhost port=" + port + " user=tusk dbname=postgres " + settings;
  }

  /** A Subject holding a ticket-granting ticket for {@link #CLIENT}, from its keytab. */
  Subject login() throws LoginException {
    return login(
        Map.of(
            "useKeyTab", "true",
            "keyTab", dir.resolve("client.keytab").toString(),
            "principal", CLIENT,
            "storeKey", "false",
            "doNotPrompt", "true",
            "refreshKrb5Config", "true"));
  }

  /**
   * A Subject holding the key of the server's principal {@link #SERVER}, for a JGSS acceptor that
   * plays PostgreSQL's side in a test.
   */
  Subject serverLogin() throws LoginException {
    return login(
        Map.of(
            "useKeyTab", "true",
            "keyTab", dir.resolve("server.keytab").toString(),
            "principal", SERVER,
            "storeKey", "true",
            "isInitiator", "false",
            "doNotPrompt", "true"));
  }

  private static Subject login(Map<String, String> options) throws LoginException {
    Configuration configuration =
        new Configuration() {
          @Override
          public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            return new AppConfigurationEntry[] {
              new AppConfigurationEntry(
                  "com.sun.security.auth.module.Krb5LoginModule",
                  LoginModuleControlFlag.REQUIRED,
                  options)
            };
          }
        };
    LoginContext context = new LoginContext("tusk", new Subject(), null, configuration);
    context.login();
    return context.getSubject();
  }

  /**
   * Runs {@link TicketCacheLogin} in a new JVM after {@code kinit} filled a ticket cache for it,
   * with {@code javax.security.auth.useSubjectCredsOnly=false} and {@code KRB5CCNAME} only there;
   * returns what it printed (and its exit code).
   */
  String loginFromTicketCache(String settings) throws IOException, InterruptedException {
    Path kinit = Path.of("/usr/bin/kinit");
    Assumptions.assumeTrue(Files.isExecutable(kinit), "no kinit (Debian's krb5-user)");
    Path cache = dir.resolve("client.ccache");
    ProcessBuilder login =
        new ProcessBuilder(
            kinit.toString(), "-k", "-t", dir.resolve("client.keytab").toString(), CLIENT);
    login.environment().put("KRB5_CONFIG", dir.resolve("krb5.conf").toString());
    login.environment().put("KRB5CCNAME", "FILE:" + cache);
    String kinitOutput = run(login);
    if (!Files.exists(cache)) {
      throw new IllegalStateException("kinit made no ticket cache: " + kinitOutput);
    }
    ProcessBuilder java =
        new ProcessBuilder(
            ProcessHandle.current().info().command().orElseThrow(),
            "-Djava.security.krb5.conf=" + dir.resolve("krb5.conf"),
            "-Djavax.security.auth.useSubjectCredsOnly=false",
            "-cp",
            System.getProperty("java.class.path"),
            TicketCacheLogin.class.getName(),
            conninfo(settings));
    java.environment().put("KRB5CCNAME", "FILE:" + cache);
    return run(java);
  }

  private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + builder.command());
    }
    return output + "exit=" + process.exitValue();
  }

  /** Runs {@code action} as {@code subject}, so JGSS finds its Kerberos credentials. */
  @SuppressWarnings("removal")
  static <T> T as(Subject subject, PrivilegedExceptionAction<T> action) throws Exception {
    try {
      return Subject.doAs(subject, action);
    } catch (java.security.PrivilegedActionException e) {
      throw e.getException();
    }
  }

  /**
   * What {@code action} makes of a connection to {@code conninfo} opened as {@code subject}, closed
   * after it.
   */
  static <T> T connect(Subject subject, String conninfo, ConnectionAction<T> action)
      throws Exception {
    return as(
        subject,
        () -> {
          try (Connection conn = Tusk.connect(conninfo)) {
            return action.apply(conn);
          }
        });
  }

  /** Work done on a connection that {@link #connect} opened. */
  interface ConnectionAction<T> {
    T apply(Connection conn) throws Exception;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("bash", dir.resolve("stop").toString())
        .redirectErrorStream(true)
        .start()
        .waitFor(30, TimeUnit.SECONDS);
  }
}
