package io.convosql.bench;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One text form for a value whether the driver or the hand-written client produced it, so their
 * rows can be compared: timestamps to the millisecond, whole numbers without a scale, other numbers
 * to six decimals, NULL as {@code null}. A row is its values joined by {@code " | "}.
 */
final class Canon {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private Canon() {}

  static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Timestamp t) {
      return value(t.toLocalDateTime());
    }
    if (v instanceof LocalDateTime t) {
      return TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return Long.toString(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      return d.stripTrailingZeros().scale() <= 0
          ? d.toBigInteger().toString()
          : d.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    return v.toString();
  }

  static String row(Object... values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(i > 0 ? " | " : "").append(value(values[i]));
    }
    return b.toString();
  }

  /** Every row of a result set, read to the end. */
  static List<String> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> out = new ArrayList<>();
    Object[] values = new Object[n];
    while (rs.next()) {
      for (int i = 0; i < n; i++) {
        values[i] = rs.getObject(i + 1);
      }
      out.add(row(values));
    }
    return out;
  }
}
