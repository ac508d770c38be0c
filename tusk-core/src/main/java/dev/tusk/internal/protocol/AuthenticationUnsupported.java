package dev.tusk.internal.protocol;

/**
 * An authentication request this driver cannot answer (type 'R' with any code other than 0, 3, 5,
 * 7, 8, 10, 11 or 12), decoded so the connection can name the method in its error. Whatever follows
 * the code is skipped.
 *
 * @param method the request code: 2 KerberosV5, 6 SCM credentials, 9 SSPI, or an unknown code
 */
public record AuthenticationUnsupported(int method) implements Authentication {

  /** Request code for Kerberos V5, which servers no longer offer. */
  public static final int KERBEROS_V5 = 2;

  /** Request code for SCM credentials over a Unix socket. */
  public static final int SCM_CREDENTIALS = 6;

  /** Request code for SSPI (Windows). */
  public static final int SSPI = 9;

  /** The PostgreSQL name of the method, for error messages; "code N" for an unknown code. */
  public String methodName() {
    return switch (method) {
      case KERBEROS_V5 -> "KerberosV5";
      case SCM_CREDENTIALS -> "SCM credentials";
      case SSPI -> "SSPI";
      default -> "code " + method;
    };
  }
}
