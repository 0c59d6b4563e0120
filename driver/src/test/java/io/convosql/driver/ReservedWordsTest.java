package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every column of every table, and the {@code matches} function, can be written without quotes, as
 * users type them and tools generate them from metadata ({@code value}, {@code language},
 * {@code at}), in any case; and each unquoted query answers as its quoted form does.
 */
class ReservedWordsTest {
  private static final String PATHSIM_RANGE = "started_at >= TIMESTAMP '2025-01-01 00:00:00'";
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    sandbox = OwnSandbox.start(12, 6);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    sandbox.close();
  }

  private static List<String> rows(String sql) throws SQLException {
    return DriverFixture.rows(connection, sql);
  }

  @Test
  void everyColumnIsUsableUnquotedAsAColumnAQualifiedColumnAndInAWhereClause() throws SQLException {
    int sent = sandbox.requests().all().size();
    List<String> checked = new ArrayList<>();
    try (ResultSet columns = connection.getMetaData().getColumns(null, null, "%", "%")) {
      while (columns.next()) {
        String table = columns.getString("TABLE_SCHEM") + "." + columns.getString("TABLE_NAME");
        String column = columns.getString("COLUMN_NAME");
        for (String sql : List.of(
            "SELECT " + column + " FROM " + table,
            "SELECT x." + column.toUpperCase() + " AS day FROM " + table + " x",
            "SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL ORDER BY "
                + column)) {
          try (PreparedStatement ps = connection.prepareStatement(sql)) { // parses and validates
            String expected = sql.contains(" AS day") ? "day" : column;
            assertThat(ps.getMetaData().getColumnLabel(1)).as(sql).isEqualTo(expected);
          }
        }
        checked.add(table + "." + column);
      }
    }
    assertThat(checked).contains("insights.parameters.value", "insights.sessions.language",
        "pathsim.steps.at", "pathsim.steps.value", "convosql.requests.path").hasSizeGreaterThan(80);
    assertThat(sandbox.requests().all()).as("preparing sends nothing").hasSize(sent);
  }

  @Test
  void theIssuesQueriesAnswerAsTheirQuotedForms() throws SQLException {
    String insights = " WHERE " + OwnSandbox.INSIGHTS_RANGE;
    assertThat(rows("SELECT at, value FROM pathsim.steps WHERE session_id IN (SELECT id FROM"
        + " pathsim.sessions WHERE " + PATHSIM_RANGE + ")"))
        .isNotEmpty()
        .isEqualTo(rows("SELECT \"at\", \"value\" FROM pathsim.steps WHERE session_id IN (SELECT id"
            + " FROM pathsim.sessions WHERE " + PATHSIM_RANGE + ")"));
    assertThat(rows("SELECT name, value FROM insights.parameters" + insights))
        .isEqualTo(rows("SELECT \"name\", \"value\" FROM insights.parameters" + insights));
    assertThat(rows("SELECT language FROM insights.sessions" + insights)).isNotEmpty()
        .isEqualTo(rows("SELECT \"language\" FROM insights.sessions" + insights));
    assertThat(rows("SELECT x.value AS day FROM insights.parameters x" + insights))
        .isEqualTo(rows("SELECT x.\"value\" AS \"day\" FROM insights.parameters x" + insights));
    assertThat(rows("SELECT text FROM insights.transcript_lines" + insights
        + " AND matches(text, 'love')"))
        .isEqualTo(rows("SELECT \"text\" FROM insights.transcript_lines" + insights
            + " AND \"matches\"(\"text\", 'love')"));
  }

  @Test
  void unquotedNamesMatchInAnyCaseAndQuotedOnesStillWork() throws SQLException {
    assertThat(rows("SELECT NAME FROM PATHSIM.WORKSPACES ORDER BY Name"))
        .isNotEmpty().isEqualTo(rows("SELECT \"name\" FROM \"pathsim\".\"workspaces\" ORDER BY 1"));
  }
}
