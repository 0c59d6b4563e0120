package io.convosql.sandbox.pathsim;

import java.util.SplittableRandom;
import java.util.UUID;

/** Random identifiers drawn from a seeded stream: version-4 UUIDs and lower-case hex strings. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** A version-4 UUID in its canonical lower-case form. */
  static String uuid(SplittableRandom random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A string of {@code digits} random lower-case hex digits. */
  static String hex(SplittableRandom random, int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }
}
