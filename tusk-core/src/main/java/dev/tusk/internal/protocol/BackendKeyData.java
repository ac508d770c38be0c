package dev.tusk.internal.protocol;

/**
 * The key that identifies this session in a CancelRequest (BackendKeyData, type 'K').
 *
 * @param processId the server process id
 * @param secretKey the cancel secret: 4 bytes in protocol 3.0, up to 256 in 3.2
 */
public record BackendKeyData(int processId, byte[] secretKey) implements BackendMessage {

  /** Never shows the secret key, which lets anyone holding it cancel this session's queries. */
  @Override
  public String toString() {
    return "BackendKeyData[processId="
        + processId
        + ", secretKey=<"
        + secretKey.length
        + " bytes>]";
  }
}
