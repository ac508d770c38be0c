package dev.tusk.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write side of an encrypting transport (TLS, GSSAPI): plaintext is encrypted into ciphertext
 * owed to the socket, and a write reports its plaintext as written only once all of that ciphertext
 * is on the socket. Until then it reports 0 and keeps the ciphertext, and the caller offers the
 * same bytes again, as every caller of a non-blocking write does, so nothing is encrypted twice.
 * Its lock also orders a reader that must encrypt a reply of its own (TLS post-handshake messages).
 */
final class OwedCiphertext {

  /** Encrypts plaintext for the socket. */
  interface Encryptor {
    /**
     * Encrypts plaintext from {@code source}'s position on, advancing it past what was taken (all
     * of it, or as much as one step takes), and returns the ciphertext then owed: {@code owed} with
     * the new ciphertext appended, or a new buffer; in read mode.
     */
    ByteBuffer encrypt(ByteBuffer source, ByteBuffer owed) throws IOException;
  }

  private final Transport socket;
  private final Encryptor encryptor;
  private final String what;
  private final ReentrantLock lock = new ReentrantLock();

  /** Ciphertext owed to the socket, in read mode; guarded by lock. */
  private ByteBuffer owed;

  /** Plaintext bytes encrypted into {@code owed} but not yet reported as written; under lock. */
  private int encryptedUnreported;

  /** Whether {@code owed} holds bytes; read without the lock to decide whether to wait. */
  private volatile boolean owing;

  /**
   * @param owed an empty buffer to start with
   * @param what the encryption's name for a misuse's message ("TLS", "GSSAPI")
   */
  OwedCiphertext(Transport socket, Encryptor encryptor, ByteBuffer owed, String what) {
    this.socket = socket;
    this.encryptor = encryptor;
    this.owed = owed;
    this.what = what;
  }

  /** The {@link Transport#write} of the encrypting transport. */
  int write(ByteBuffer source) throws IOException {
    lock.lock();
    try {
      if (!flush()) {
        return 0;
      }
      if (encryptedUnreported > 0) {
        // The bytes the previous call encrypted are on the socket now: report them.
        int reported = encryptedUnreported;
        if (source.remaining() < reported) {
          throw new IllegalStateException(
              "a " + what + " write was not retried with the same bytes after it returned 0");
        }
        encryptedUnreported = 0;
        source.position(source.position() + reported);
        return reported;
      }
      int written = 0;
      while (source.hasRemaining()) {
        int before = source.position();
        encrypt(source);
        int consumed = source.position() - before;
        if (!flush()) {
          // Keep the plaintext unreported until its ciphertext has left.
          source.position(before);
          encryptedUnreported = consumed;
          return written;
        }
        written += consumed;
      }
      return written;
    } finally {
      lock.unlock();
    }
  }

  /** Encrypts (part of) {@code source} into what is owed, under the lock; sends nothing. */
  void encrypt(ByteBuffer source) throws IOException {
    lock.lock();
    try {
      owed = encryptor.encrypt(source, owed);
      owing = owed.hasRemaining();
    } finally {
      lock.unlock();
    }
  }

  /** Writes owed ciphertext as far as the socket takes it; true once nothing is owed. */
  boolean flush() throws IOException {
    lock.lock();
    try {
      while (owed.hasRemaining()) {
        if (socket.write(owed) == 0) {
          return false;
        }
      }
      owing = false;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Whether ciphertext is owed to the socket. */
  boolean owing() {
    return owing;
  }

  /** Takes the lock if no other thread holds it (a courtesy close must not wait for a writer). */
  boolean tryLock() {
    return lock.tryLock();
  }

  /** Releases what {@link #tryLock()} took. */
  void unlock() {
    lock.unlock();
  }
}
