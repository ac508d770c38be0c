/**
 * Authentication exchanges (cleartext, MD5, SCRAM-SHA-256, the messages of OAUTHBEARER) as pure
 * state machines and formats over bytes; GSSAPI through the JDK.
 *
 * <p>May use: {@code errors}.
 */
package dev.tusk.internal.auth;
