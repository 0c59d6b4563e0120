package io.convosql.driver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ResultSet.getObject(column, Class)} with JDBC 4.2's mappings: String; Integer, Long, Short,
 * Byte, BigDecimal, BigInteger, Double, Float; Boolean; {@code byte[]}; and for our UTC timestamps
 * Timestamp, LocalDateTime, LocalDate, LocalTime, OffsetDateTime, ZonedDateTime and Instant (at UTC).
 * A value that cannot become the class fails with SQLState 22018, one out of its range with 22003.
 */
final class ResultSetValues {
  private static final ThreadLocal<Calendar> UTC =
      ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT));

  private ResultSetValues() {}

  /** A calendar at UTC, for JDBC's getters and setters that read or write a wall clock at UTC. */
  static Calendar utc() {
    return UTC.get();
  }

  /** The column's value as the class, or null when it is NULL. */
  static <T> @Nullable T get(ResultSet rs, int column, Class<T> type) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    try {
      Object converted = convert(rs, column, value, type);
      if (converted == null) {
        throw new SQLDataException("Cannot read column " + column + " ("
            + rs.getMetaData().getColumnTypeName(column) + ") as " + type.getName()
            + ": read it as " + value.getClass().getSimpleName() + " or String", "22018");
      }
      return type.cast(converted);
    } catch (ArithmeticException e) {
      throw new SQLDataException("Column " + column + "'s value " + value + " is out of the range of "
          + type.getSimpleName() + ": read it as Long or BigDecimal", "22003", e);
    } catch (NumberFormatException e) {
      throw new SQLDataException("Column " + column + "'s value '" + value + "' is not a number, so not "
          + IndefiniteArticle.a(type.getSimpleName()) + ": read it as String", "22018", e);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new SQLDataException("Column " + column + "'s value '" + value + "' is not "
          + IndefiniteArticle.a(type.getSimpleName()) + ": " + e.getMessage(), "22018", e);
    }
  }

  private static @Nullable Object convert(ResultSet rs, int column, Object value, Class<?> type)
      throws SQLException {
    if (type == String.class) {
      return rs.getString(column);
    }
    if (type.isInstance(value)) {
      return value;
    }
    if (Number.class.isAssignableFrom(type)) {
      return number(value, type);
    }
    if (type == Boolean.class) {
      return bool(value);
    }
    if (value instanceof java.util.Date || value instanceof String) {
      return temporal(wallClock(rs, column, value), type);
    }
    return null;
  }

  private static @Nullable Object number(Object value, Class<?> type) {
    BigDecimal d;
    if (value instanceof Number || value instanceof String) {
      d = ParameterBinding.decimal(value);
    } else if (value instanceof Boolean b) {
      d = b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else {
      return null;
    }
    if (type == BigDecimal.class) {
      return d;
    }
    if (type == Double.class) {
      return d.doubleValue();
    }
    if (type == Float.class) {
      return d.floatValue();
    }
    BigDecimal whole = d.setScale(0, RoundingMode.DOWN); // as getInt() and getLong() read 1.5
    if (type == Long.class) {
      return whole.longValueExact();
    }
    if (type == Integer.class) {
      return whole.intValueExact();
    }
    if (type == Short.class) {
      return whole.shortValueExact();
    }
    if (type == Byte.class) {
      return whole.byteValueExact();
    }
    return type == BigInteger.class ? whole.toBigIntegerExact() : null;
  }

  private static @Nullable Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("1")) {
        return true;
      }
      if (t.equals("false") || t.equals("0")) {
        return false;
      }
      throw new IllegalArgumentException("write true or false");
    }
    return null;
  }

  /** The value's UTC wall clock: what SQL shows, whatever the JVM's zone. */
  private static LocalDateTime wallClock(ResultSet rs, int column, Object value) throws SQLException {
    if (value instanceof String s) {
      return ParameterBinding.parseWallClock(s);
    }
    int sqlType = rs.getMetaData().getColumnType(column);
    if (sqlType == Types.TIMESTAMP) {
      // Avatica's text of Calcite's own value: a java.sql.Timestamp would go through the JVM's zone,
      // which moves a wall clock in the hour that zone skips in spring
      return ParameterBinding.parseWallClock(rs.getString(column));
    }
    long millis = switch (sqlType) {
      case Types.DATE -> rs.getDate(column, UTC.get()).getTime();
      case Types.TIME -> rs.getTime(column, UTC.get()).getTime();
      default -> rs.getTimestamp(column, UTC.get()).getTime();
    };
    int nanos = value instanceof Timestamp t ? t.getNanos() : 0;
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), nanos, ZoneOffset.UTC);
  }

  private static @Nullable Object temporal(LocalDateTime t, Class<?> type) {
    if (type == LocalDateTime.class) {
      return t;
    }
    if (type == LocalDate.class) {
      return t.toLocalDate();
    }
    if (type == LocalTime.class) {
      return t.toLocalTime();
    }
    if (type == Instant.class) {
      return t.toInstant(ZoneOffset.UTC);
    }
    if (type == OffsetDateTime.class) {
      return t.atOffset(ZoneOffset.UTC);
    }
    if (type == ZonedDateTime.class) {
      return t.atZone(ZoneOffset.UTC);
    }
    if (type == Timestamp.class || type == java.util.Date.class) {
      return Timestamp.valueOf(t);
    }
    if (type == Date.class) {
      return Date.valueOf(t.toLocalDate());
    }
    return type == Time.class ? Time.valueOf(t.toLocalTime()) : null;
  }
}
