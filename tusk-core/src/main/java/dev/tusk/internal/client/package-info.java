/**
 * Implementations of the public API; the sync and async faces are thin layers over engine futures.
 *
 * <p>May use: all packages below it.
 */
package dev.tusk.internal.client;
