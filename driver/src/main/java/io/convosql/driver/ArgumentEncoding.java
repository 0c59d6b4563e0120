package io.convosql.driver;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The refusal of an {@code -e} statement the JVM could not decode: it decodes its arguments with the
 * locale's charset ({@code sun.jnu.encoding}) before {@code main} runs, so under a C or POSIX locale
 * (ASCII) every non-ASCII letter became U+FFFD, and the shell ran a different query
 * ({@code CHAR_LENGTH('Grüße')} was 7) without a word. Such a statement fails instead, saying how to
 * run it; {@code bin/convosql} avoids it by running Java under a UTF-8 locale.
 */
final class ArgumentEncoding {
  private ArgumentEncoding() {}

  /** The message refusing the statement, or null when it was decoded as written (or may have been). */
  static @Nullable String refusal(String statement, @Nullable String argumentEncoding) {
    if (statement.indexOf('\uFFFD') < 0 || isUtf8(argumentEncoding)) {
      return null;
    }
    return "The -e statement holds characters this JVM could not read: it decodes its arguments as "
        + argumentEncoding + " (the locale's charset), not UTF-8, so they became U+FFFD. Run it under a"
        + " UTF-8 locale (LC_ALL=C.UTF-8 java -jar ...), through bin/convosql, which does that, or put"
        + " the statement in a file and run it with --run=file.sql";
  }

  private static boolean isUtf8(@Nullable String encoding) {
    try {
      return encoding != null && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
