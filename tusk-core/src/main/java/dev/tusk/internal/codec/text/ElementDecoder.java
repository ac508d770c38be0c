package dev.tusk.internal.codec.text;

/** Decodes one non-NULL array element from its bytes; the array readers call it per element. */
@FunctionalInterface
public interface ElementDecoder {

  Object decode(byte[] bytes, int offset, int length);
}
