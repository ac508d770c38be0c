package dev.tusk.it.sql;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Arbitrary text for injection attempts: Unicode scalar values but NUL, and hostile pieces. */
final class SqlStrings {

  private SqlStrings() {}

  /** Up to {@code maxPieces} pieces, each a code point or one of {@code hostile}. */
  static Arbitrary<String> mixing(List<String> hostile, int minPieces, int maxPieces) {
    Arbitrary<String> scalar =
        Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(1, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)))
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .map(Character::toString);
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, Arbitraries.of(hostile)));
    return piece
        .list()
        .ofMinSize(minPieces)
        .ofMaxSize(maxPieces)
        .map(pieces -> String.join("", pieces));
  }
}
