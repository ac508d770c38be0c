package dev.tusk.internal.codec;

/** Decodes one non-NULL array element from its bytes; the array readers call it per element. */
@FunctionalInterface
interface ElementDecoder {

  Object decode(byte[] bytes, int offset, int length);
}
