package io.convosql.driver.differential;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** SQL text for names and values. */
final class Sql {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private Sql() {}

  /** A quoted name, so that reserved words such as "at", "language" and "value" work. */
  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** Whether a literal can carry the text: Calcite's literals are ISO-8859-1. */
  static boolean literalSafe(String s) {
    return StandardCharsets.ISO_8859_1.newEncoder().canEncode(s) && s.indexOf('\n') < 0
        && s.indexOf('\r') < 0;
  }

  static String string(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String timestamp(LocalDateTime t) {
    return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
  }

  /** A value as a literal: a string, a whole number, a boolean or a timestamp. */
  static String literal(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String) {
      return string((String) v);
    }
    if (v instanceof LocalDateTime) {
      return timestamp((LocalDateTime) v);
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? "TRUE" : "FALSE";
    }
    return v.toString();
  }

  /** Whether a value can be written as a literal. */
  static boolean literalSafe(Object v) {
    return !(v instanceof String) || literalSafe((String) v);
  }

  /** A value as a JDBC parameter shows it in messages. */
  static String describe(Object v) {
    if (v == null) {
      return "NULL";
    }
    String text = v instanceof Timestamp ? "Timestamp " + v : v.getClass().getSimpleName() + " "
        + (v instanceof String ? string((String) v) : v.toString());
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
