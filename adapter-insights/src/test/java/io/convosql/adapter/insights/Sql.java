package io.convosql.adapter.insights;

import io.convosql.core.plan.Matches;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * A Calcite connection with convosql's defaults and the {@code matches} function, and helpers that
 * render results as text.
 */
final class Sql {
  private Sql() {}

  static Connection connect(String name, Schema schema) throws SQLException {
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("defaultNullCollation", "LAST");
    Connection c = DriverManager.getConnection("jdbc:calcite:", p);
    SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
    root.add(name, schema);
    root.add("matches", Matches.function());
    return c;
  }

  /** Each row as its values joined by "; " (NULL as "null", timestamps as JDBC strings). */
  static List<String> rows(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return render(rs);
      }
    }
  }

  static List<String> render(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        if (i > 1) {
          b.append("; ");
        }
        b.append(rs.getString(i));
      }
      out.add(b.toString());
    }
    return out;
  }

  /**
   * The plan Calcite chose, with each scan's planned requests; parameters must be bound for EXPLAIN to
   * run, but the plan shows them as {@code ?N}.
   */
  static String explain(Connection c, String sql, Object... params) throws SQLException {
    return String.join("\n", rows(c, "EXPLAIN PLAN FOR " + sql, params)).strip();
  }
}
