package io.convosql.core.plan;

import java.util.LinkedHashSet;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code matches(text, words)} SQL function: true when any word of {@code words} is a word of
 * {@code text}, words being what ElasticSearch's default {@code standard} analyser makes of a text
 * (Unicode word boundaries as Lucene's StandardTokenizer finds them, lower-cased; see
 * {@link StandardWords}). Adapters push it to full-text searches of a service analysing text that way
 * and the scan evaluates it with this same rule, so the answer never depends on pushdown. Register
 * {@link #function()} under the name {@code matches}.
 */
public final class Matches {
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
    return !wanted.isEmpty() && StandardWords.anyWord(text, wanted::contains);
  }

  /** The distinct lower-case words of a text, in order of first appearance. */
  public static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    StandardWords.anyWord(text, w -> {
      out.add(w);
      return false;
    });
    return out;
  }

  /**
   * Whether a full-text {@code match} on {@code words} finds every text that {@code matches(text,
   * words)} accepts, on a service whose analyser either is the standard one or splits its words
   * further (on punctuation, or into runs of letters and digits): true when each word has a letter
   * or a digit. A word without one (an emoji, which the standard analyser keeps) leaves a splitting
   * analyser nothing to search for, so a text holding only that word would be missed. Words with no
   * word at all match nothing, on the service as here.
   */
  public static boolean searchable(String words) {
    return !StandardWords.anyWord(words, w -> w.codePoints().noneMatch(Character::isLetterOrDigit));
  }

  /**
   * Whether a full-text {@code match} on {@code value} finds a field holding exactly that value, on a
   * service analysing text as {@link #searchable} allows: true when the value has a letter or a digit
   * (something to search for under a splitting analyser) and a word (under the standard one, which
   * skips letters of scripts it does not know). A value with an ASCII letter or digit has both, and
   * is answered without loading the analyser.
   */
  public static boolean findsItself(String value) {
    if (value.chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      return true;
    }
    return value.codePoints().anyMatch(Character::isLetterOrDigit) && StandardWords.anyWord(value, w -> true);
  }
}
