package dev.tusk.internal.auth;

import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;

/**
 * Whether the calling thread has Kerberos credentials, decided without touching the network or the
 * Kerberos configuration and without loading JGSS, so that a connection without Kerberos pays
 * nothing for {@code gssencmode=prefer}. Apart from {@link GssClient} so that the check loads no
 * JGSS class unless the ticket cache must be asked.
 */
public final class KerberosCredentials {

  private KerberosCredentials() {}

  /**
   * A ticket in the current {@code Subject}; or, where {@code
   * javax.security.auth.useSubjectCredsOnly=false} lets JGSS read the ticket cache, whether JGSS
   * finds credentials there. (With the default {@code useSubjectCredsOnly=true}, JGSS looks nowhere
   * but the Subject.)
   */
  public static boolean available() {
    Subject subject = Subject.current();
    if (subject != null && !subject.getPrivateCredentials(KerberosTicket.class).isEmpty()) {
      return true;
    }
    if (!"false".equals(System.getProperty("javax.security.auth.useSubjectCredsOnly"))) {
      return false;
    }
    return GssClient.jgssFindsCredentials();
  }
}
