package dev.tusk.testing;

/**
 * The login roles {@link PostgresServer} creates, one per pg_hba authentication method, so tests
 * can exercise each method. All have {@code LOGIN CREATEDB}; none is a superuser. The passwords are
 * fixed and public: these roles exist only on test servers.
 *
 * <p>On the embedded server, {@code pg_hba.conf} holds these rules, for {@code local} connections
 * and for {@code host} connections from {@code 127.0.0.1/32} and {@code ::1/128}, specific users
 * first:
 *
 * <pre>
 * local all tusk_trust    trust
 * local all tusk_scram    scram-sha-256
 * local all tusk_md5      md5
 * local all tusk_password password
 * local all all           trust
 * host  all tusk_trust    127.0.0.1/32 trust
 * host  all tusk_scram    127.0.0.1/32 scram-sha-256
 * host  all tusk_md5      127.0.0.1/32 md5
 * host  all tusk_password 127.0.0.1/32 password
 * host  all all           127.0.0.1/32 trust
 * (the same host lines again for ::1/128)
 * </pre>
 *
 * <p>With {@code TUSK_TEST_URL}, the roles are created (or their passwords reset) but {@code
 * pg_hba.conf} is the server owner's: add the same lines there by hand, or tests that need real
 * password checks skip themselves (see {@link PostgresServer#enforcesPasswords()}).
 */
public enum TestRole {
  /** {@code tusk_trust}: no password; pg_hba method {@code trust}. */
  TRUST("tusk_trust", null, "trust"),
  /** {@code tusk_scram}, password {@code tusk_scram_pw} stored as SCRAM-SHA-256. */
  SCRAM("tusk_scram", "tusk_scram_pw", "scram-sha-256"),
  /** {@code tusk_md5}, password {@code tusk_md5_pw} stored as an MD5 hash. */
  MD5("tusk_md5", "tusk_md5_pw", "md5"),
  /** {@code tusk_password}, password {@code tusk_password_pw} sent in cleartext. */
  PASSWORD("tusk_password", "tusk_password_pw", "password");

  private final String user;
  private final String password;
  private final String method;

  TestRole(String user, String password, String method) {
    this.user = user;
    this.password = password;
    this.method = method;
  }

  /** The role name. */
  public String user() {
    return user;
  }

  /** The role's password, or null for {@link #TRUST}. */
  public String password() {
    return password;
  }

  /** The pg_hba.conf authentication method this role is meant for, e.g. {@code scram-sha-256}. */
  public String method() {
    return method;
  }
}
