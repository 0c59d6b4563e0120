package io.convosql.driver.differential;

import io.convosql.driver.differential.GeneratedQuery.Param;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The answer of one query on one connection: the column labels and types and the rows, each value
 * normalised to text by its type (timestamps as their exact wall-clock text, numbers in plain form,
 * binary as hex), or the error it failed with.
 */
record Outcome(List<String> header, List<String> rows, SQLException error, long nanos,
    int requests) {
  /** Separates the values of a row; shown as " | ". */
  static final String SEP = "\u001f";

  /** Runs the query; {@code requests} counts the requests it sent (and resets the count). */
  static Outcome run(Connection c, String sql, List<Param> params, IntSupplier requests) {
    long start = System.nanoTime();
    Outcome o = run(c, sql, params);
    return new Outcome(o.header, o.rows, o.error, System.nanoTime() - start, requests.getAsInt());
  }

  private static Outcome run(Connection c, String sql, List<Param> params) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setQueryTimeout(60);
      for (int i = 0; i < params.size(); i++) {
        bind(s, i + 1, params.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          header.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
        }
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          StringBuilder b = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            b.append(i > 1 ? SEP : "").append(cell(rs, i, md.getColumnType(i)));
          }
          rows.add(b.toString());
        }
        return new Outcome(header, rows, null, 0, 0);
      }
    } catch (SQLException e) {
      return new Outcome(List.of(), List.of(), e, 0, 0);
    } catch (RuntimeException e) {
      SQLException wrapped = new SQLException("unexpected " + e, "XXXXX", e);
      return new Outcome(List.of(), List.of(), wrapped, 0, 0);
    }
  }

  private static void bind(PreparedStatement s, int i, Param p) throws SQLException {
    Object v = p.value();
    switch (p.setter()) {
      case STRING: s.setString(i, (String) v); break;
      case INT: s.setInt(i, (Integer) v); break;
      case LONG: s.setLong(i, (Long) v); break;
      case BOOLEAN: s.setBoolean(i, (Boolean) v); break;
      case TIMESTAMP: s.setTimestamp(i, (Timestamp) v); break;
      case NULL: s.setNull(i, p.sqlType()); break;
      default: s.setObject(i, v);
    }
  }

  private static String cell(ResultSet rs, int i, int type) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null) {
      return "NULL";
    }
    switch (type) {
      case Types.TIMESTAMP:
      case Types.DATE:
      case Types.TIME:
        return rs.getString(i);
      case Types.VARBINARY:
      case Types.BINARY:
        return "0x" + HexFormat.of().formatHex(rs.getBytes(i));
      case Types.DECIMAL:
      case Types.NUMERIC:
        return rs.getBigDecimal(i).stripTrailingZeros().toPlainString();
      default:
        return v.toString();
    }
  }

  boolean failed() {
    return error != null;
  }

  /** What kind of error: its SQLState and the class of its deepest cause. */
  String errorClass() {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return error.getSQLState() + "/" + root.getClass().getSimpleName();
  }

  /** The answer as text: the error, or the header and at most {@code max} rows. */
  String show(int max) {
    if (failed()) {
      String m = String.valueOf(error.getMessage());
      return "ERROR (" + requests + " requests) " + errorClass() + ": "
          + (m.length() > 600 ? m.substring(0, 600) + "…" : m);
    }
    StringBuilder b = new StringBuilder(rows.size() + " rows " + header + ", " + requests
        + " requests, " + nanos / 1_000_000 + " ms");
    rows.stream().limit(max).forEach(r -> b.append("\n    ").append(row(r)));
    if (rows.size() > max) {
      b.append("\n    … ").append(rows.size() - max).append(" more");
    }
    return b.toString();
  }

  static String row(String r) {
    String s = r.replace(SEP, " | ");
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
