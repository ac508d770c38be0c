package dev.tusk.internal.protocol;

/**
 * A chunk of a COPY data stream (CopyData, type 'd').
 *
 * @param data the message body exactly as received; chunks need not align with rows
 */
public record CopyData(byte[] data) implements BackendMessage {}
