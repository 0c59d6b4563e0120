package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EXPLAIN shows a pushed timestamp as the timestamp typed, in comparisons, ranges and IN lists. */
class ExplainTimestampTest {
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = PathSimFixture.connect(true);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static String filter(String where) throws SQLException {
    String plan = Sql.explain(connection, "SELECT id FROM pathsim.sessions WHERE " + where);
    int start = plan.indexOf("filter=[[");
    return plan.substring(start, plan.indexOf("]], request=", start) + 2);
  }

  @Test
  void aComparisonShowsTheTimestamp() throws SQLException {
    assertThat(filter("test_type = 'Voice' AND started_at >= TIMESTAMP '2025-01-01 00:00:00'"))
        .isEqualTo("filter=[[test_type = Voice, started_at >= 2025-01-01 00:00:00]]");
  }

  @Test
  void aRangeShowsItsBoundsWithMillisecondsWhenThereAreAny() throws SQLException {
    assertThat(filter("started_at BETWEEN TIMESTAMP '2025-08-01 10:00:00' AND TIMESTAMP '2025-08-03 10:00:00.250'"))
        .isEqualTo("filter=[[started_at IN [[2025-08-01 10:00:00..2025-08-03 10:00:00.250]]]]");
  }

  @Test
  void anInListAndAParameterShowAsTyped() throws SQLException {
    assertThat(filter("started_at IN (TIMESTAMP '2025-08-01 10:00:00', TIMESTAMP '2025-08-02 11:30:00')"))
        .isEqualTo("filter=[[started_at IN (2025-08-01 10:00:00, 2025-08-02 11:30:00)]]");
  }
}
