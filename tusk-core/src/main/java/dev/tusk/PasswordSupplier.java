package dev.tusk;

/**
 * Gives the password for each new connection, for credentials that change while the application
 * runs: a cloud database's IAM token (AWS RDS and Aurora, Azure Entra ID, Google Cloud SQL), a
 * secret rotated by a vault. Set it with {@link ConnectionOptions#passwordSupplier}.
 *
 * <pre>{@code
 * ConnectionOptions options = Tusk.options()
 *     .host("mydb.abc123.eu-west-1.rds.amazonaws.com")
 *     .user("app")
 *     .set("sslmode", "verify-full")
 *     .passwordSupplier(request -> rdsTokens.generate(request.host(), request.port(), request.user()));
 * ConnectionPool pool = new ConnectionPool(options::connect, PoolOptions.defaults());
 * }</pre>
 *
 * <p><b>When it is called.</b> Each time a server asks for a password (pg_hba.conf methods {@code
 * password}, {@code md5} and {@code scram-sha-256}) and at no other time: never for {@code trust},
 * {@code cert}, {@code peer} or {@code gss}, and never when {@code require_auth} or {@code
 * channel_binding} refuse the server's request first, so a supplier that makes a network call costs
 * nothing on connections that need no password. That is once for every new physical connection, and
 * once for each host of a host list that asks for one (the request names the host), on the
 * connecting thread ({@link ConnectionOptions#connectAsync} connects on a virtual thread). A pool
 * asks it for each connection it opens, so rotated credentials reach new connections without a
 * restart; connections already open keep their session, since PostgreSQL checks a password only at
 * login. It may be called from several threads at once, and its time counts against {@code
 * connect_timeout}: cache what is expensive to get (an IAM token is valid for 15 minutes, and may
 * be reused for many connections within that time).
 *
 * <p><b>Precedence.</b> The supplier replaces every other source of a password: PGPASSWORD, a
 * service file's {@code password} and the password file are not read. Setting a {@code password} in
 * the same settings as well is an error ({@link dev.tusk.errors.ProgrammingError}) when connecting:
 * one of them would be silently ignored. {@code scram_client_key} and {@code scram_server_key},
 * when given, still answer SCRAM first, as they do before any password.
 *
 * <p><b>Failures.</b> What it throws, or a null or empty password, fails the connection attempt
 * with {@link dev.tusk.errors.InvalidAuthorizationSpecification} (SQLSTATE 28000), whose message
 * names the host, the user and the supplier's failure (its exception's class and message, which
 * should therefore hold no secret) and whose cause is the exception. The socket is closed, and with
 * a host list the remaining hosts are not tried, as after any authentication failure in libpq; the
 * hosts that failed before are attached to the error as suppressed exceptions.
 *
 * <p><b>Secrecy.</b> The password is a {@code String}, as the cloud SDKs hand out tokens: a {@code
 * char[]} wiped afterwards would protect nothing the SDK's own string leaves in memory. Tusk keeps
 * it only for the authentication exchange (for SCRAM, until the server's final message): it is not
 * stored in the connection's settings, and never appears in exceptions, logs, {@code toString()},
 * JFR events or what a {@link Tracer} sees.
 */
@FunctionalInterface
public interface PasswordSupplier {

  /**
   * The password to log in to {@code request}'s server with.
   *
   * @return the password, neither null nor empty
   * @throws Exception if no password can be had; the connection attempt fails with it as the cause
   */
  String password(PasswordRequest request) throws Exception;
}
