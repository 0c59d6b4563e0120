package io.convosql.driver;

/** "a" or "an" before a type's name in a message: "an INTEGER", "a TIMESTAMP", "an Instant". */
final class IndefiniteArticle {
  private IndefiniteArticle() {}

  /**
   * The word with its article: "an" before a vowel A, E, I or O, "a" otherwise (a U is read "you"
   * in the names that reach a message: "a UUID").
   */
  static String a(String word) {
    char first = word.isEmpty() ? 'x' : Character.toUpperCase(word.charAt(0));
    return ("AEIO".indexOf(first) >= 0 ? "an " : "a ") + word;
  }
}
