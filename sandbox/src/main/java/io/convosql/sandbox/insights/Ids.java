package io.convosql.sandbox.insights;

import java.util.Random;
import java.util.UUID;

/** Seeded identifiers in the shapes AI Studio uses: UUID session ids, hex object ids, phone numbers. */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Ids() {}

  /** A version-4 UUID drawn from the given random source. */
  static String uuid(Random random) {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** A lower-case hex string of the given length (24 for object ids, 32 for tag categories). */
  static String hex(Random random, int digits) {
    char[] out = new char[digits];
    for (int i = 0; i < digits; i++) {
      out[i] = HEX[random.nextInt(16)];
    }
    return new String(out);
  }

  /** A 24-digit hex id that depends only on its inputs, for node ids stable across sessions. */
  static String derived(String owner, String key) {
    return hex(new Random(owner.hashCode() * 1_000_003L + key.hashCode()), 24);
  }

  /** Digits only, no plus sign, as the API's example numbers are. */
  static String phone(Random random, String countryCode, int localDigits) {
    StringBuilder b = new StringBuilder(countryCode);
    b.append(1 + random.nextInt(9));
    for (int i = 1; i < localDigits; i++) {
      b.append(random.nextInt(10));
    }
    return b.toString();
  }

  /** The digits of a phone number, so that "+1 202-555" and "1202555" are the same number. */
  static String digits(String phone) {
    return phone.replaceAll("[^0-9]", "");
  }
}
