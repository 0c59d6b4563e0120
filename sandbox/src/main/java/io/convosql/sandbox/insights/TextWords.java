package io.convosql.sandbox.insights;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The full-text analysis {@code match} uses: lower-cased words split on anything not a letter or digit. */
final class TextWords {
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private TextWords() {}

  static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}
