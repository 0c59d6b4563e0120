package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code DatabaseMetaData.getColumns} and a result's {@code ResultSetMetaData.isNullable} say the same
 * of every column: key columns (sessions.id, a list table's session_id and position) are NOT NULL in
 * both, since the adapters fail on an answer without the id (naming the field: the Malformed*Nulls
 * tests) and number a list's elements themselves; every other column may be NULL. Before, getColumns
 * said NOT NULL for the keys while a result said columnNullable.
 */
class KeyNullabilityTest {
  private static Connection connect() throws SQLException {
    return DriverFixture.connect("insights.url=" + DriverFixture.SANDBOX.insightsUrl(),
        "insights.apiKey=" + Sandbox.INSIGHTS_KEY);
  }

  @Test
  void getColumnsAndResultSetMetaDataAgreeOnEveryColumn() throws SQLException {
    DriverFixture.SANDBOX.requests().clearWhenQuiet(java.time.Duration.ofMillis(200));
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      for (String schema : List.of("pathsim", "insights")) {
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            tables.add(schema + "." + rs.getString("TABLE_NAME"));
          }
        }
      }
      assertThat(tables).contains("pathsim.sessions", "insights.sessions", "insights.flow_path");
      List<String> keys = new ArrayList<>();
      for (String table : tables) {
        String[] parts = table.split("\\.");
        Map<String, Integer> declared = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, parts[0], parts[1], "%")) {
          while (rs.next()) {
            declared.put(rs.getString("COLUMN_NAME"), rs.getInt("NULLABLE"));
            assertThat(rs.getString("IS_NULLABLE")).isEqualTo(rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                ? "NO" : "YES");
          }
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
          ResultSetMetaData rmd = rs.getMetaData();
          for (int i = 1; i <= rmd.getColumnCount(); i++) {
            result.put(rmd.getColumnName(i), rmd.isNullable(i));
          }
        }
        assertThat(result).as(table).isEqualTo(declared);
        declared.forEach((column, n) -> {
          if (n == DatabaseMetaData.columnNoNulls) {
            keys.add(table + "." + column);
          }
        });
      }
      assertThat(keys).contains("pathsim.sessions.id", "pathsim.workspaces.id", "insights.sessions.id",
          "insights.flow_path.session_id", "insights.flow_path.step_no");
      assertThat(keys).noneMatch(k -> k.endsWith(".status") || k.endsWith("session_start_time"));
    }
    assertThat(DriverFixture.SANDBOX.requests().all()).isEmpty();
  }
}
