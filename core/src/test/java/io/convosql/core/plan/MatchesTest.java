package io.convosql.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@code matches(text, words)}: any shared word, words as ElasticSearch's standard
 * analyser makes them (Unicode word boundaries, lower-cased).
 */
class MatchesTest {
  @Test
  void anySharedWordMatchesWhateverItsCase() {
    assertThat(Matches.matches("I want a REFUND now", "refund cancel")).isTrue();
    assertThat(Matches.matches("Please cancel it", "Refund, CANCEL!")).isTrue();
    assertThat(Matches.matches("Where is my order?", "refund cancel")).isFalse();
  }

  @Test
  void wordsEndAtUnicodeWordBoundariesNotAtEveryPunctuationMark() {
    assertThat(Matches.words("go to chatbot.com")).containsExactly("go", "to", "chatbot.com");
    assertThat(Matches.words("Don't")).containsExactly("don't");
    assertThat(Matches.words("version 4.5 of foo_bar")).containsExactly("version", "4.5", "of", "foo_bar");
    assertThat(Matches.words("U.S.A.")).containsExactly("u.s.a");
    assertThat(Matches.words("order #4711-b, 1,000 x@y.com")).containsExactly("order", "4711", "b", "1,000", "x",
        "y.com");

    assertThat(Matches.matches("go to chatbot.com", "chatbot")).isFalse();
    assertThat(Matches.matches("go to chatbot.com", "ChatBot.com")).isTrue();
    assertThat(Matches.matches("don't", "t")).isFalse();
    assertThat(Matches.matches("don't", "DON'T")).isTrue();
    assertThat(Matches.matches("rated 4.5 stars", "4")).isFalse();
    assertThat(Matches.matches("rated 4.5 stars", "4.5")).isTrue();
    assertThat(Matches.matches("call foo_bar()", "foo")).isFalse();
    assertThat(Matches.matches("made in the U.S.A", "u.s.a")).isTrue();
    assertThat(Matches.matches("order #4711-b", "4711")).isTrue();
    assertThat(Matches.matches("refunded twice", "refund")).isFalse();
  }

  @Test
  void lettersOfEveryScriptAndTheirCaseAreWords() {
    assertThat(Matches.matches("Grüße aus München", "MÜNCHEN")).isTrue();
    assertThat(Matches.matches("İstanbul", "istanbul")).isTrue(); // lower-cased code point by code point
    // no final sigma: Lucene lower-cases each code point alone
    assertThat(Matches.words("ΣΊΣΥΦΟΣ")).containsExactly("σίσυφοσ");
  }

  @Test
  void eachCjkIdeographIsAWordAndOtherScriptsKeepTheirRuns() {
    assertThat(Matches.words("中文字")).containsExactly("中", "文", "字");
    assertThat(Matches.words("iPhoneを買った")).containsExactly("iphone", "を", "買", "っ", "た");
    assertThat(Matches.matches("我想要退款", "款")).isTrue();
    assertThat(Matches.words("한국어 ไทยภาษา")).containsExactly("한국어", "ไทยภาษา");
  }

  @Test
  void noWordsMatchNothingAndNullIsUnknown() {
    assertThat(Matches.words("")).isEmpty();
    assertThat(Matches.words(" ?! -- ")).isEmpty();
    assertThat(Matches.matches("anything", " ?! ")).isFalse();
    assertThat(Matches.matches("", "x")).isFalse();
    assertThat(Matches.matches("", "")).isFalse();
    assertThat(Matches.matches(null, "x")).isNull();
    assertThat(Matches.matches("x", null)).isNull();
    assertThat(Matches.matches(null, null)).isNull();
  }

  @Test
  void theWordsOfATextAreDistinctAndLowerCase() {
    assertThat(Matches.words("The cat, the HAT.")).containsExactly("the", "cat", "hat");
  }

  @Test
  void wordsAreSearchableWhenEachHasALetterOrDigit() {
    assertThat(Matches.searchable("refund chatbot.com 4.5 中文")).isTrue();
    assertThat(Matches.searchable("?!")).isTrue(); // no word: matches nothing, here as on the service
    assertThat(Matches.searchable("love ❤")).isFalse(); // the standard analyser keeps the emoji as a word
    assertThat(Matches.words("I ❤ you")).containsExactly("i", "❤", "you");
  }

  @Test
  void aValueFindsItselfWhenItHasALetterOrDigitAndAWord() {
    assertThat(Matches.findsItself("en-US")).isTrue();
    assertThat(Matches.findsItself("中文")).isTrue();
    assertThat(Matches.findsItself("")).isFalse();
    assertThat(Matches.findsItself("--")).isFalse();
    assertThat(Matches.findsItself("❤")).isFalse();
  }

  @Test
  void theTokenizersAreSharedSafelyBetweenThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        String word = "w" + i;
        answers.add(pool.submit(() -> Matches.matches("say " + word + " and chatbot.com", word)
            && !Matches.matches("say " + word + "x", word)));
      }
      for (Future<Boolean> f : answers) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
