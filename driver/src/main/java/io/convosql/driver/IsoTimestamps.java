package io.convosql.driver;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.util.NlsString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Text in ISO 8601's spelling of a time, {@code '2025-08-10T00:00:00'}, read as a TIMESTAMP where a
 * text literal becomes one (compared with a timestamp column, or cast), as PostgreSQL reads it: it
 * was 22007, where {@code '2025-08-10 00:00:00'} worked. A trailing {@code Z} says the time is UTC,
 * which every time here is, so it is the same wall clock; another offset ({@code +02:00}) makes it the
 * UTC wall clock of that instant, as for text bound to a TIMESTAMP parameter (PostgreSQL would drop the
 * offset without a word). The literal is rewritten before the cast is converted, so the plan, and the
 * API request a filter pushes down, are those of the space spelling. Text with a time of day cast to
 * (or compared with) a DATE is its day, as PostgreSQL's {@code '2025-08-10T00:00:00'::date} is: it
 * was 22007, with the T or without.
 */
final class IsoTimestamps {
  private static final Pattern ISO = Pattern.compile(
      "\\s*(\\d{4}-\\d{2}-\\d{2})([Tt ])(\\d{2}:\\d{2})(:\\d{2}(?:\\.\\d+)?)?\\s*([Zz]|[+-]\\d{2}(?::?\\d{2})?)?\\s*");
  private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private IsoTimestamps() {}

  /** Calcite's conversion of calls, with such a cast's text in the space spelling first. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable calcite) {
    return call -> {
      SqlCall spaced = spaced(call);
      return spaced == null ? calcite.get(call) : (cx, ignored) -> calcite.get(spaced).convertCall(cx, spaced);
    };
  }

  /**
   * The cast of an ISO-spelled text literal to TIMESTAMP, with the text spaced, or of text with a time
   * of day to DATE, with the text its day; null for any other call.
   */
  private static @Nullable SqlCall spaced(SqlCall call) {
    if (call.getKind() != SqlKind.CAST || call.operandCount() != 2
        || !(call.operand(0) instanceof SqlCharStringLiteral literal)
        || !(call.operand(1) instanceof SqlDataTypeSpec spec)
        || !spec.getTypeName().isSimple()) {
      return null;
    }
    String type = spec.getTypeName().getSimple();
    boolean date = type.equalsIgnoreCase(SqlTypeName.DATE.getName());
    if (!date && !type.equalsIgnoreCase(SqlTypeName.TIMESTAMP.getName())) {
      return null;
    }
    NlsString nls = literal.getValueAs(NlsString.class);
    String text = date ? dayText(nls.getValue()) : spacedText(nls.getValue());
    if (text == null) {
      return null;
    }
    SqlLiteral spaced = SqlLiteral.createCharString(text, nls.getCharsetName(), literal.getParserPosition());
    return SqlStdOperatorTable.CAST.createCall(call.getParserPosition(), spaced, spec);
  }

  /**
   * {@code text} as {@code yyyy-MM-dd} when it is a time of day on a day ({@code 2025-08-10T00:00:00},
   * {@code 2025-08-10 13:14:15}, with a zone or not): its day, as PostgreSQL reads such text as a
   * date; with an offset other than zero, the day of its UTC wall clock, as for a TIMESTAMP. Null for
   * any other text ({@code 2025-08-10} is a DATE already), left to the cast as it is.
   */
  static @Nullable String dayText(String text) {
    if (!ISO.matcher(text).matches()) {
      return null;
    }
    try {
      return ParameterBinding.parseWallClock(text).toLocalDate().toString();
    } catch (DateTimeException | IllegalArgumentException e) {
      return null; // not a time: the cast says so
    }
  }

  /**
   * {@code text} as {@code yyyy-MM-dd HH:mm:ss[.f]} when it is a time in ISO 8601's spelling (a
   * {@code T}, a zone, or both), read as a bound text is ({@link ParameterBinding#parseWallClock}): an
   * offset other than zero stands for an instant, whose UTC wall clock it becomes. Null for any other
   * text, left to the cast as it is.
   */
  static @Nullable String spacedText(String text) {
    Matcher m = ISO.matcher(text);
    if (!m.matches() || m.group(2).equals(" ") && m.group(5) == null) {
      return null;
    }
    LocalDateTime t;
    try {
      t = ParameterBinding.parseWallClock(text);
    } catch (DateTimeException | IllegalArgumentException e) {
      return null; // not a time: the cast says so
    }
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return null; // an offset moved it past what a TIMESTAMP holds: the cast names the text as written
    }
    String spaced = WALL_CLOCK.format(t);
    return t.getNano() == 0 ? spaced
        : spaced + "." + String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
  }
}
