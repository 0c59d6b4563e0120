package io.convosql.core.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Conversions of literal and parameter values into a column's Java type, and formatting of
 * timestamps, which Calcite carries as UTC wall-clock epoch milliseconds.
 */
public final class Values {
  private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd[[ ]['T']HH:mm[:ss]]")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
      .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
      .toFormatter();

  private Values() {}

  /**
   * Converts a value from Calcite (a literal, a Sarg bound or a parameter) into the column's Java type.
   * Returns null for SQL NULL; throws {@link IllegalArgumentException} when the value cannot be
   * represented exactly in the column type (such a predicate is then not pushed).
   */
  public static @Nullable Object coerce(@Nullable Object value, Column column) {
    if (value == null) {
      return null;
    }
    switch (column.type()) {
      case VARCHAR:
        return value instanceof NlsString ? ((NlsString) value).getValue() : value.toString();
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case INTEGER:
        if (value instanceof Number) {
          return toBigDecimal(value).intValueExact();
        }
        break;
      case BIGINT:
        if (value instanceof Number) {
          return toBigDecimal(value).longValueExact();
        }
        break;
      case DOUBLE:
        if (value instanceof Number) {
          return ((Number) value).doubleValue();
        }
        break;
      case TIMESTAMP:
        return timestampMillis(value);
      default:
        break;
    }
    throw new IllegalArgumentException(
        "cannot use " + value.getClass().getSimpleName() + " for column " + column.name());
  }

  /**
   * Converts a prepared-statement parameter's value into the column's Java type the way Calcite's
   * generated code converts a parameter of that type, so that a pushed term and Calcite's own filter
   * read the parameter alike: a number for an INTEGER or BIGINT column is narrowed as Java narrows it
   * ({@code 4294967297L} is the INTEGER 1, {@code 2.5} the BIGINT 2) rather than refused. Everything
   * else is converted as by {@link #coerce}.
   */
  public static @Nullable Object parameter(@Nullable Object value, Column column) {
    if (value instanceof Number) {
      switch (column.type()) {
        case INTEGER:
          return ((Number) value).intValue();
        case BIGINT:
          return ((Number) value).longValue();
        case DOUBLE:
          return ((Number) value).doubleValue();
        default:
          break;
      }
    }
    return coerce(value, column);
  }

  private static BigDecimal toBigDecimal(Object number) {
    BigDecimal d = number instanceof BigDecimal
        ? (BigDecimal) number : new BigDecimal(number.toString());
    return d.stripTrailingZeros();
  }

  private static long timestampMillis(Object value) {
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof TimestampString) {
      return ((TimestampString) value).getMillisSinceEpoch();
    }
    if (value instanceof Timestamp) {
      // A JDBC Timestamp is wall-clock time in the JVM zone, as Calcite reads it.
      return SqlFunctions.toLong((Timestamp) value);
    }
    if (value instanceof java.util.Date) {
      return SqlFunctions.toLong(new Timestamp(((java.util.Date) value).getTime()));
    }
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (value instanceof CharSequence || value instanceof NlsString) {
      String s = value instanceof NlsString ? ((NlsString) value).getValue() : value.toString();
      return LocalDateTime.parse(s.trim(), SQL_TIMESTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass().getSimpleName());
  }

  /** A timestamp in SQL form for EXPLAIN and messages: {@code 2025-08-01 10:15:00}. */
  public static String formatTimestamp(long millis) {
    String s = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC)
        .toString().replace('T', ' ');
    return s.length() == 16 ? s + ":00" : s;
  }

  /**
   * A literal as EXPLAIN shows it: on a TIMESTAMP column, the timestamp typed (its epoch milliseconds
   * formatted, with milliseconds when there are any, since plans are told apart by this text); an
   * operand's literal the same way, other operands ({@code ?0}) as they are; anything else as text.
   */
  public static String shown(@Nullable Object literal, Column column) {
    if (literal instanceof Operand o) {
      return o.isParameter() ? o.toString() : shown(o.literalValue(), column);
    }
    if (column.type() == SqlTypeName.TIMESTAMP && literal instanceof Long millis) {
      int fraction = (int) Math.floorMod(millis, 1000L);
      return formatTimestamp(millis) + (fraction == 0 ? "" : String.format(".%03d", fraction));
    }
    return String.valueOf(literal);
  }
}
