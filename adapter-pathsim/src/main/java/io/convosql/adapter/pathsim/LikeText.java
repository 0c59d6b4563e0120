package io.convosql.adapter.pathsim;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The literal text inside a LIKE pattern of the form {@code %x%}, {@code x%}, {@code %x} or {@code x}
 * (with escapes resolved), which a substring search can use to narrow the rows; null for any other
 * pattern.
 */
final class LikeText {
  private LikeText() {}

  static @Nullable String of(String pattern, @Nullable String escape) {
    char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
    int start = pattern.startsWith("%") ? 1 : 0;
    int end = pattern.length();
    if (end > start && pattern.charAt(end - 1) == '%' && !escaped(pattern, end - 1, esc)) {
      end--;
    }
    StringBuilder text = new StringBuilder();
    for (int i = start; i < end; i++) {
      char c = pattern.charAt(i);
      if (esc != 0 && c == esc) {
        if (i + 1 >= end) {
          return null;
        }
        text.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        return null;
      } else {
        text.append(c);
      }
    }
    return text.length() == 0 ? null : text.toString();
  }

  private static boolean escaped(String pattern, int index, char esc) {
    int n = 0;
    for (int i = index - 1; i >= 0 && esc != 0 && pattern.charAt(i) == esc; i--) {
      n++;
    }
    return n % 2 == 1;
  }
}
