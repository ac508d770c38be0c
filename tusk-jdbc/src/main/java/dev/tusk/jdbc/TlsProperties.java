package dev.tusk.jdbc;

import java.sql.SQLFeatureNotSupportedException;

/**
 * pgjdbc's TLS properties that name Java classes to load ({@code sslfactory}, {@code
 * sslhostnameverifier}, {@code sslpasswordcallback}). Tusk makes its TLS itself from libpq's
 * keywords and loads no class, so each is accepted only where it names pgjdbc's default behaviour,
 * which Tusk has anyway, and otherwise refused with the keywords that do the same.
 */
final class TlsProperties {

  /** pgjdbc's default factory, which reads the libpq files and modes as Tusk does. */
  private static final String LIBPQ_FACTORY = "org.postgresql.ssl.LibPQFactory";

  private static final String DEFAULT_VERIFIER = "org.postgresql.ssl.PGjdbcHostnameVerifier";

  private TlsProperties() {}

  /** {@code sslfactory} (or the deprecated {@code sslfactoryarg}): pgjdbc's default only. */
  static void checkFactory(String name, String value) throws SQLFeatureNotSupportedException {
    if (name.equals("sslfactory")
        && (value.equals(LIBPQ_FACTORY) || value.equals("org.postgresql.ssl.jdbc4.LibPQFactory"))) {
      return;
    }
    String instead =
        switch (value) {
          case "org.postgresql.ssl.NonValidatingFactory" ->
              "it trusts any certificate; for encryption without a check use sslmode=require with"
                  + " no root certificate file, or better check the server with"
                  + " sslmode=verify-full and sslrootcert";
          case "org.postgresql.ssl.DefaultJavaSSLFactory" ->
              "to trust the JDK's root certificates use sslrootcert=system (which implies"
                  + " sslmode=verify-full)";
          default ->
              "give the CA as sslrootcert and a client certificate as sslcert and sslkey (PEM or"
                  + " PKCS#12) instead";
        };
    throw new SQLFeatureNotSupportedException(
        name
            + "="
            + value
            + " is not supported: tusk-jdbc loads no SSLSocketFactory, Tusk makes its TLS from"
            + " sslmode, sslrootcert, sslcert, sslkey and sslpassword; "
            + instead,
        "0A000");
  }

  /** {@code sslhostnameverifier}: pgjdbc's default verifier only. */
  static void checkHostnameVerifier(String value) throws SQLFeatureNotSupportedException {
    if (!value.equals(DEFAULT_VERIFIER)) {
      throw new SQLFeatureNotSupportedException(
          "sslhostnameverifier="
              + value
              + " is not supported: Tusk checks the host name itself under sslmode=verify-full"
              + " (against the certificate's subjectAltName, as libpq does); sslmode=verify-ca"
              + " checks the certificate without the name",
          "0A000");
    }
  }

  /** {@code sslpasswordcallback}: never; the passphrase is a property. */
  static SQLFeatureNotSupportedException passwordCallback() {
    return new SQLFeatureNotSupportedException(
        "sslpasswordcallback is not supported: give the client key's passphrase as sslpassword"
            + " (it never appears in messages or toString())",
        "0A000");
  }
}
