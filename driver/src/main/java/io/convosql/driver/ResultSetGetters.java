package io.convosql.driver;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * JDBC's typed getters as its conversion table allows them, where Calcite's result set refuses or
 * wraps around: {@code getInt} of a BIGINT past its range is 22003 rather than another number;
 * {@code getInt}, {@code getBoolean}, {@code getTimestamp} … of numeric, boolean or timestamp text
 * read it as {@code getObject(column, type)} does; the character and binary stream and LOB getters
 * ({@code getCharacterStream}, {@code getClob}, {@code getNString}, {@code getBinaryStream},
 * {@code getBlob}, …) and {@code getURL} work on text and bytes. A NULL is what JDBC says: null, or 0
 * and false for the primitive getters, with {@code wasNull()} true.
 */
final class ResultSetGetters {
  /** Getters that narrow a number: always read through the range check. */
  private static final Map<String, Class<?>> NARROWING = Map.of("getInt", Integer.class, "getShort",
      Short.class, "getByte", Byte.class, "getLong", Long.class);
  /** Getters Calcite answers for most columns: converted only when it cannot. */
  private static final Map<String, Class<?>> CONVERTED = Map.of("getDouble", Double.class, "getFloat",
      Float.class, "getBigDecimal", BigDecimal.class, "getBoolean", Boolean.class, "getTimestamp",
      java.sql.Timestamp.class, "getDate", java.sql.Date.class, "getTime", java.sql.Time.class);
  private static final Set<String> STREAMS = Set.of("getCharacterStream", "getNCharacterStream",
      "getNString", "getClob", "getAsciiStream", "getBinaryStream", "getBlob", "getURL");

  private static final Map<String, Method> BY_INDEX = new java.util.concurrent.ConcurrentHashMap<>();

  private ResultSetGetters() {}

  private static Method byIndex(String name) throws NoSuchMethodException {
    Method m = BY_INDEX.get(name);
    if (m == null) {
      m = ResultSet.class.getMethod(name, int.class);
      BY_INDEX.put(name, m);
    }
    return m;
  }

  static boolean handles(String method) {
    return NARROWING.containsKey(method) || CONVERTED.containsKey(method) || STREAMS.contains(method);
  }

  /** The getter's value for the column (its one argument, an index or a label, resolved). */
  static @Nullable Object get(ResultSet rs, Method method, int column) throws SQLException {
    String name = method.getName();
    Class<?> narrowed = NARROWING.get(name);
    if (narrowed != null) {
      Object value = ResultSetValues.get(rs, column, narrowed);
      return value != null ? value : zero(method.getReturnType());
    }
    try {
      // the getter by index, whichever of its forms (index or label) was called
      return byIndex(name).invoke(rs, column);
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof SQLException refused)) {
        throw SqlErrors.translate(e.getCause());
      }
      Class<?> type = CONVERTED.get(name);
      if (type != null) {
        Object value = ResultSetValues.get(rs, column, type);
        return value != null ? value : zero(method.getReturnType());
      }
      return stream(rs, name, column, refused);
    } catch (ReflectiveOperationException e) {
      throw new SQLException(e);
    }
  }

  /** What a primitive getter returns for NULL; null for an object getter. */
  private static @Nullable Object zero(Class<?> returned) {
    Map<Class<?>, Object> zeros = Map.of(boolean.class, false, double.class, 0d, float.class, 0f,
        long.class, 0L, int.class, 0, short.class, (short) 0, byte.class, (byte) 0);
    return zeros.get(returned); // null for an object getter
  }

  private static @Nullable Object stream(ResultSet rs, String name, int column, SQLException refused)
      throws SQLException {
    boolean binary = name.equals("getBinaryStream") || name.equals("getBlob");
    if (binary) {
      byte[] bytes = rs.getBytes(column);
      return bytes == null ? null : name.equals("getBlob") ? new SerialBlob(bytes) : new ByteArrayInputStream(bytes);
    }
    String text = rs.getString(column);
    if (text == null) {
      return null;
    }
    switch (name) {
      case "getNString":
        return text;
      case "getCharacterStream", "getNCharacterStream":
        return new StringReader(text);
      case "getClob":
        return new SerialClob(text.toCharArray());
      case "getAsciiStream":
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
      case "getURL":
        try {
          return new URL(text);
        } catch (MalformedURLException e) {
          throw new SQLDataException("Column " + column + "'s value '" + text + "' is not a URL: read it"
              + " as String", "22018", e);
        }
      default:
        throw refused;
    }
  }
}
