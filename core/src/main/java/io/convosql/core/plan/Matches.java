package io.convosql.core.plan;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code matches(text, words)} SQL function: true when any word of {@code words} is a word of
 * {@code text}, where words are runs of letters and digits compared without case. Adapters push it to
 * full-text searches and the scan evaluates it with this same rule, so the answer never depends on
 * pushdown. Register {@link #function()} under the name {@code matches}.
 */
public final class Matches {
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Matches() {}

  /**
   * The function as Calcite's schemas hold it; its code generator is built by the first query that
   * compiles a call, not by the connection that registers it ({@link LazyScalarFunction}).
   */
  public static LazyScalarFunction function() {
    return LazyScalarFunction.of(Matches.class, "matches");
  }

  /** Whether any word of {@code words} is a word of {@code text}; null when either is null. */
  public static @Nullable Boolean matches(@Nullable String text, @Nullable String words) {
    if (text == null || words == null) {
      return null;
    }
    Set<String> wanted = words(words);
    if (wanted.isEmpty()) {
      return false;
    }
    for (String word : words(text)) {
      if (wanted.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The distinct lower-case words of a text, in order of first appearance. */
  public static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
