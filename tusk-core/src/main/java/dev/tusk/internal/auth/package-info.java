/**
 * Authentication exchanges (cleartext, MD5, SCRAM-SHA-256) as pure state machines over bytes.
 *
 * <p>May use: {@code errors}.
 */
package dev.tusk.internal.auth;
