package io.convosql.driver;

import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives a bound value the Java class of its parameter's SQL type, since Calcite's generated code
 * casts parameters blindly ({@code LIMIT ?} bound with {@code setLong} failed with a
 * ClassCastException): a number or numeric text becomes the parameter's number class, and a date,
 * {@code java.time} value or date text bound to a TIMESTAMP becomes the UTC wall clock that the
 * equivalent TIMESTAMP literal shows (to a DATE, its day). Instants and offset times are instants;
 * {@code java.sql.Date}, {@code java.util.Date} and local values read as JDBC reads them, as the wall
 * clock they show in the JVM's zone. A value that cannot become the type fails at once with a 22xxx
 * SQLState that names the parameter's type and what it takes, never later with a cast's message.
 * An array or Collection bound to a parameter of one value is refused (22018), never bound as text.
 */
final class ParameterBinding {
  /** ISO 8601 with {@code T}, and an offset as {@code +01:00}, {@code +0100}, {@code +01} or {@code Z}. */
  private static final DateTimeFormatter OFFSET_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final String TIMESTAMP_TAKES = "bind a Timestamp, LocalDateTime, LocalDate,"
      + " OffsetDateTime, ZonedDateTime, Instant, java.util.Date, Calendar or text such as"
      + " 2025-08-01 10:15:00";
  private static final String TIME_TAKES = "bind a java.sql.Time, LocalTime, Timestamp, LocalDateTime or text"
      + " such as 10:15:00";
  private static final String DATE_TAKES = "bind a java.sql.Date, LocalDate, LocalDateTime, Timestamp"
      + " or text such as 2025-08-01";

  private ParameterBinding() {}

  /**
   * The value to bind instead of the given one (a LocalDateTime for a TIMESTAMP, a java.sql.Date for
   * a DATE), or null to bind the given one as it is.
   */
  static @Nullable Object convert(int sqlType, @Nullable Object value, @Nullable ZoneId dateZone)
      throws SQLDataException {
    if (value == null) {
      return null;
    }
    if (sqlType != Types.ARRAY && isMany(value)) {
      throw many(sqlType, value);
    }
    return switch (sqlType) {
      case Types.TIMESTAMP -> timestamp(value, dateZone);
      case Types.DATE -> date(value, dateZone);
      case Types.TIME -> time(value, dateZone);
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
          Types.DOUBLE, Types.FLOAT, Types.REAL -> number(sqlType, value);
      case Types.BOOLEAN -> bool(value);
      case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR -> text(value, dateZone);
      default -> null;
    };
  }

  /**
   * A date or time bound to a text parameter, as the text its SQL literal shows ({@code 2025-01-01
   * 10:00:00}, {@code 2025-01-01}, {@code 10:15:00}), as MySQL reads it: JDBC's own conversion gave
   * the milliseconds since 1970 of a Timestamp, the days of a Date, and a LocalDateTime's ISO text
   * without its seconds. Anything else is bound as it is (a number is its text).
   */
  private static @Nullable String text(Object value, @Nullable ZoneId dateZone) {
    if (value instanceof java.sql.Date d) {
      return (dateZone == null ? d.toLocalDate()
          : Instant.ofEpochMilli(d.getTime()).atZone(dateZone).toLocalDate()).toString();
    }
    if (value instanceof java.sql.Time t) {
      return clock(t.toLocalTime());
    }
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().toLocalDate() + " " + clock(t.toLocalDateTime().toLocalTime());
    }
    if (value instanceof java.util.Date d) {
      LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), ZoneId.systemDefault());
      return t.toLocalDate() + " " + clock(t.toLocalTime());
    }
    if (value instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + clock(t.toLocalTime());
    }
    return value instanceof LocalTime t ? clock(t) : null;
  }

  /** {@code hh:mm:ss}, and the fraction of a second without its trailing zeros when there is one. */
  private static String clock(LocalTime t) {
    String seconds = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    if (t.getNano() == 0) {
      return seconds;
    }
    return seconds + "." + String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
  }

  private static @Nullable LocalDateTime timestamp(Object value, @Nullable ZoneId dateZone)
      throws SQLDataException {
    if (value instanceof Timestamp || value instanceof Long) {
      return null; // JDBC's own conversion, as before
    }
    try {
      return wallClock(value, dateZone);
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new SQLDataException("'" + value + "' is not a timestamp: " + TIMESTAMP_TAKES, "22007", e);
    }
  }

  private static LocalDateTime wallClock(Object value, @Nullable ZoneId dateZone) throws SQLDataException {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof java.sql.Date d) {
      return dateZone == null ? d.toLocalDate().atStartOfDay()
          : Instant.ofEpochMilli(d.getTime()).atZone(dateZone).toLocalDate().atStartOfDay();
    }
    if (value instanceof java.util.Date d) {
      return LocalDateTime.ofInstant(Instant.ofEpochMilli(d.getTime()), ZoneId.systemDefault());
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof OffsetDateTime t) {
      return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }
    if (value instanceof ZonedDateTime t) {
      return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
    if (value instanceof java.util.Calendar c) { // its own zone says which instant it is
      return LocalDateTime.ofInstant(c.toInstant(), ZoneOffset.UTC);
    }
    if (value instanceof String s) {
      return parseWallClock(s);
    }
    throw wrongClass(value, "TIMESTAMP", TIMESTAMP_TAKES);
  }

  /**
   * A TIME parameter's value ({@code ? + INTERVAL '1' HOUR > TIME '10:00:00'}): a LocalTime for text
   * such as {@code 10:15:00} or {@code 9:30} and for a LocalTime, which Calcite's code could not take
   * (22000, "String given, Integer needed"); null for a {@code java.sql.Time}, which JDBC's own
   * conversion binds. A timestamp gives its time of day, as JDBC's conversion table lets a TIMESTAMP
   * become a TIME: the wall clock TIMESTAMP parameters read ({@link #wallClock}: an instant, an
   * OffsetTime too, at UTC), and so does a timestamp's text, as PostgreSQL reads it as a time; a
   * Timestamp bound with a calendar ({@code zone}) gives its wall clock in the calendar's zone, as a
   * TIMESTAMP parameter reads it then.
   */
  private static @Nullable LocalTime time(Object value, @Nullable ZoneId zone) throws SQLDataException {
    if (value instanceof Timestamp t && zone != null) { // setTimestamp(i, t, cal): its wall clock in cal's zone
      return LocalDateTime.ofInstant(t.toInstant(), zone).toLocalTime();
    }
    if (value instanceof java.sql.Time) {
      return null;
    }
    if (value instanceof LocalTime t) {
      return t;
    }
    if (value instanceof java.time.OffsetTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
    }
    if (value instanceof String s) {
      return TimeOfDayText.read(s, TIME_TAKES);
    }
    if (value instanceof java.sql.Date || value instanceof LocalDate) {
      throw wrongClass(value, "TIME", TIME_TAKES); // a day has no time of day
    }
    try {
      return wallClock(value, null).toLocalTime();
    } catch (SQLDataException e) {
      throw wrongClass(value, "TIME", TIME_TAKES);
    }
  }

  /** A DATE parameter's value as Calcite's code takes it: the day of the equivalent timestamp. */
  private static java.sql.@Nullable Date date(Object value, @Nullable ZoneId dateZone)
      throws SQLDataException {
    if (value instanceof java.sql.Date) {
      return null; // JDBC's own conversion, which keeps setDate's Calendar
    }
    LocalDate day;
    try {
      day = wallClock(value, dateZone).toLocalDate();
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new SQLDataException("'" + value + "' is not a date: " + DATE_TAKES, "22007", e);
    } catch (SQLDataException e) {
      throw wrongClass(value, "DATE", DATE_TAKES);
    }
    return java.sql.Date.valueOf(day);
  }

  /** JDBC's timestamp text, {@code yyyy-[m]m-[d]d hh:mm:ss[.f...]}, as Timestamp.valueOf takes it. */
  private static final Pattern SPACED = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2}) (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?");

  /**
   * {@code 2025-08-01 10:15:00[.fff]}, or {@code 2025-08-01} as its midnight; also ISO 8601 as JSON
   * carries it: {@code 2025-08-01T10:15:00}; with {@code Z} or an offset (after a {@code T} or a
   * space, as PostgreSQL prints one) an instant, at UTC.
   */
  static LocalDateTime parseWallClock(String text) {
    String t = text.trim();
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay();
    }
    char separator = t.length() > 10 ? t.charAt(10) : 0;
    if (separator == 'T' || separator == 't' || separator == ' ') {
      String iso = (t.substring(0, 10) + 'T' + t.substring(11)).toUpperCase(Locale.ROOT);
      boolean offset = iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
      if (offset) {
        return LocalDateTime.ofInstant(OffsetDateTime.parse(iso, OFFSET_TIMESTAMP).toInstant(), ZoneOffset.UTC);
      }
      if (separator != ' ') {
        return LocalDateTime.parse(iso);
      }
    }
    Matcher spaced = SPACED.matcher(t);
    if (spaced.matches()) {
      // read as numbers: Timestamp.valueOf goes through the JVM's zone, which moves a wall clock in
      // the hour that zone skips in spring
      String fraction = spaced.group(7) == null ? "" : spaced.group(7);
      return LocalDateTime.of(Integer.parseInt(spaced.group(1)), Integer.parseInt(spaced.group(2)),
          Integer.parseInt(spaced.group(3)), Integer.parseInt(spaced.group(4)),
          Integer.parseInt(spaced.group(5)), Integer.parseInt(spaced.group(6)),
          Integer.parseInt((fraction + "000000000").substring(0, 9)));
    }
    return Timestamp.valueOf(t).toLocalDateTime(); // its error for anything else
  }

  /** A number, or numeric text, as a BigDecimal (a double by its shortest decimal form). */
  static BigDecimal decimal(Object numberOrText) {
    return numberOrText instanceof BigDecimal b ? b
        : numberOrText instanceof Double || numberOrText instanceof Float
        ? BigDecimal.valueOf(((Number) numberOrText).doubleValue())
        : new BigDecimal(numberOrText.toString().trim());
  }

  private static @Nullable Object number(int sqlType, Object value) throws SQLDataException {
    if (!(value instanceof Number) && !(value instanceof String)) {
      throw wrongClass(value, typeName(sqlType), "bind a number (setInt, setLong, setBigDecimal,"
          + " setDouble) or numeric text");
    }
    BigDecimal d;
    try {
      d = decimal(value);
    } catch (NumberFormatException e) {
      throw new SQLDataException("'" + value + "' is not a number, and the parameter is "
          + typeName(sqlType) + ": bind a number", "22018", e);
    }
    boolean whole = sqlType == Types.INTEGER || sqlType == Types.SMALLINT || sqlType == Types.TINYINT
        || sqlType == Types.BIGINT;
    if (whole && d.remainder(BigDecimal.ONE).signum() != 0) {
      // Calcite would drop the fraction (> 1000.5 would be > 1000): refused, not rounded
      throw new SQLDataException(value + " has a fraction, and the parameter is " + typeName(sqlType)
          + ", a whole number: bind a rounded value, or to compare with the fraction cast the column"
          + " in the SQL, as in CAST(column AS DECIMAL(19, 3)) > ?", "22018");
    }
    Object converted;
    try {
      converted = switch (sqlType) {
        case Types.INTEGER -> d.intValueExact();
        case Types.SMALLINT -> d.shortValueExact();
        case Types.TINYINT -> d.byteValueExact();
        case Types.BIGINT -> d.longValueExact();
        case Types.DOUBLE, Types.FLOAT -> d.doubleValue();
        case Types.REAL -> d.floatValue();
        default -> d;
      };
    } catch (ArithmeticException e) {
      throw new SQLDataException("The value " + value + " is out of the range of the parameter's type "
          + typeName(sqlType) + ": bind a smaller value", "22003", e);
    }
    return converted.getClass() == value.getClass() ? null : converted;
  }

  /**
   * A BOOLEAN parameter's value: a Boolean; the number 1 or 0, as {@code is_active = 1} reads; or
   * the texts (and single characters) PostgreSQL reads as booleans.
   */
  private static @Nullable Boolean bool(Object value) throws SQLDataException {
    if (value instanceof Boolean) {
      return null;
    }
    if (value instanceof String || value instanceof Character) {
      return bool(value.toString());
    }
    if (value instanceof Number) {
      BigDecimal d;
      try {
        d = decimal(value);
      } catch (NumberFormatException e) {
        d = null; // NaN or infinite
      }
      if (d != null && d.compareTo(BigDecimal.ONE) == 0) {
        return true;
      }
      if (d != null && d.signum() == 0) {
        return false;
      }
      throw new SQLDataException("The number " + value + " is not a boolean: bind true or false,"
          + " or 1 or 0", "22018");
    }
    throw wrongClass(value, "BOOLEAN", "bind a Boolean, 1 or 0, or text such as true or false");
  }

  /** The texts PostgreSQL reads as booleans: true/false, t/f, yes/no, y/n, on/off, 1/0. */
  private static Boolean bool(String s) throws SQLDataException {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (List.of("true", "t", "yes", "y", "on", "1").contains(t)) {
      return true;
    }
    if (List.of("false", "f", "no", "n", "off", "0").contains(t)) {
      return false;
    }
    throw new SQLDataException("'" + s + "' is not a boolean: bind true or false", "22018");
  }

  /** An array ({@code byte[]} is one value, binary), a {@code java.sql.Array} or a Collection. */
  private static boolean isMany(Object value) {
    return value instanceof java.sql.Array || value instanceof java.util.Collection
        || value.getClass().isArray() && !(value instanceof byte[]);
  }

  /**
   * The error for several values bound to a parameter of one: Calcite types {@code = ANY(?)} and
   * {@code IN (?)} as the column's type, and binds an array to it as its text, which matched
   * nothing (or went into a request URL), so it is refused, never bound as text.
   */
  private static SQLDataException many(int sqlType, Object value) {
    String given = value instanceof java.sql.Array ? "a java.sql.Array"
        : value instanceof java.util.Collection ? "a Collection" : "a " + value.getClass().getSimpleName();
    String type;
    try {
      type = java.sql.JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException e) {
      type = "type " + sqlType;
    }
    return new SQLDataException("A parameter of type " + type + " takes one value, not " + given
        + ": a ? stands for one value, so write one ? per value, as in IN (?, ?, ?), and bind each",
        "22018");
  }

  /** The error for a value whose Java class the parameter's type cannot take at all. */
  private static SQLDataException wrongClass(Object value, String sqlType, String hint) {
    return new SQLDataException("A parameter of type " + sqlType + " cannot take a value of class "
        + value.getClass().getSimpleName() + ": " + hint, "22018");
  }

  private static String typeName(int sqlType) {
    return switch (sqlType) {
      case Types.INTEGER -> "INTEGER";
      case Types.SMALLINT -> "SMALLINT";
      case Types.TINYINT -> "TINYINT";
      case Types.BIGINT -> "BIGINT";
      case Types.DECIMAL, Types.NUMERIC -> "DECIMAL";
      case Types.REAL -> "REAL";
      default -> "DOUBLE";
    };
  }
}
