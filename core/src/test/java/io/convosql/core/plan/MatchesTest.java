package io.convosql.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule of {@code matches(text, words)}: any shared word, without case, words split on non-alphanumerics. */
class MatchesTest {
  @Test
  void anySharedWordMatchesWhateverItsCase() {
    assertThat(Matches.matches("I want a REFUND now", "refund cancel")).isTrue();
    assertThat(Matches.matches("Please cancel it", "Refund, CANCEL!")).isTrue();
    assertThat(Matches.matches("Where is my order?", "refund cancel")).isFalse();
  }

  @Test
  void wordsAreWholeRunsOfLettersAndDigits() {
    assertThat(Matches.matches("refunded twice", "refund")).isFalse();
    assertThat(Matches.matches("order #4711-b", "4711")).isTrue();
    assertThat(Matches.matches("don't", "t")).isTrue();
    assertThat(Matches.matches("Grüße aus München", "münchen")).isTrue();
  }

  @Test
  void noWordsMatchNothingAndNullIsUnknown() {
    assertThat(Matches.matches("anything", " ?! ")).isFalse();
    assertThat(Matches.matches("", "x")).isFalse();
    assertThat(Matches.matches(null, "x")).isNull();
    assertThat(Matches.matches("x", null)).isNull();
  }

  @Test
  void theWordsOfATextAreDistinctAndLowerCase() {
    assertThat(Matches.words("The cat, the HAT.")).containsExactly("the", "cat", "hat");
  }
}
