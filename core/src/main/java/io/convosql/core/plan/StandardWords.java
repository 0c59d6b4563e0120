package io.convosql.core.plan;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The words of a text as ElasticSearch's default {@code standard} analyser makes them: Lucene's
 * {@link StandardTokenizer} (Unicode word boundaries, UAX #29: {@code chatbot.com}, {@code don't},
 * {@code 4.5} and {@code foo_bar} are one word, each CJK ideograph is one) and {@link LowerCaseFilter},
 * with no stop words. Only {@link Matches} uses it, so Lucene is loaded by the first query that
 * analyses text, not by a connection. Tokenizers are reused from a few lock-free slots: building one
 * costs about as much as analysing a sentence, and a slot (unlike a thread-local) keeps nothing on the
 * threads of a host application once the driver is unloaded.
 */
final class StandardWords {
  private static final AtomicReferenceArray<StandardWords> FREE = new AtomicReferenceArray<>(8);

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final TokenStream stream = new LowerCaseFilter(tokenizer);
  private final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);

  private StandardWords() {}

  /**
   * Feeds the lower-case words of {@code text} to {@code stop}, in order, until it answers true;
   * returns whether it did.
   */
  static boolean anyWord(String text, Predicate<String> stop) {
    StandardWords w = take();
    boolean found = false;
    try {
      w.tokenizer.setReader(new StringReader(text));
      w.stream.reset();
      while (!found && w.stream.incrementToken()) {
        found = stop.test(w.term.toString());
      }
      w.stream.end();
      w.stream.close();
    } catch (IOException e) { // a StringReader never throws
      throw new UncheckedIOException(e);
    }
    give(w); // not reached after an exception: a tokenizer left half-used is dropped
    return found;
  }

  private static StandardWords take() {
    for (int i = 0; i < FREE.length(); i++) {
      @Nullable StandardWords w = FREE.getAndSet(i, null);
      if (w != null) {
        return w;
      }
    }
    return new StandardWords();
  }

  private static void give(StandardWords w) {
    for (int i = 0; i < FREE.length(); i++) {
      if (FREE.compareAndSet(i, null, w)) {
        return;
      }
    }
  }
}
