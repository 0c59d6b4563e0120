package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A text literal compared with a column of a type that cannot hold it fails while the query is
 * planned, with the same one-line 22018 error (22007 for a date or time) on every run, with or without the plan cache; before,
 * the first run failed with an ExceptionInInitializerError of a generated class and every later one
 * with a NoClassDefFoundError.
 */
class BadLiteralTest {
  private static final String YES = "SELECT name FROM pathsim.workspaces WHERE is_active = 'yes'";

  private static SQLException failure(Connection c, String sql) {
    return (SQLException) DriverFixture.queryFailure(c, sql);
  }

  @Test
  void aBooleanColumnComparedWithYesIs22018OnEveryRun() throws SQLException {
    String expected = "'yes' is not a BOOLEAN (Invalid character for cast: yes): compare with a BOOLEAN"
        + " value, TRUE or FALSE";
    for (String cache : new String[] {"planCacheSize=100", "planCacheSize=0"}) {
      try (Connection c = DriverFixture.connect(cache)) {
        for (int run = 0; run < 3; run++) {
          SQLException e = failure(c, YES);
          assertThat((Throwable) e).as(cache + " run " + run).isInstanceOf(SQLDataException.class).hasMessage(expected);
          assertThat(e.getSQLState()).isEqualTo("22018");
        }
        assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces WHERE is_active = 'true'"))
            .containsExactly(String.valueOf(DriverFixture.data().workspaces().stream()
                .filter(w -> w.active()).count()));
      }
    }
  }

  @Test
  void numbersAre22018AndTimestamps22007() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      SQLException number = failure(c, "SELECT id FROM pathsim.sessions WHERE duration_seconds = 'long'");
      assertThat(number.getSQLState()).isEqualTo("22018");
      assertThat((Throwable) number).hasMessageStartingWith("'long' is not an INTEGER (").hasMessageEndingWith(
          "): compare with an INTEGER value such as 42");
      SQLException time = failure(c, "SELECT id FROM pathsim.sessions WHERE started_at > 'yesterday'");
      assertThat(time.getSQLState()).isEqualTo("22007"); // as docs/errors.md says of date/time text
      assertThat((Throwable) time).isInstanceOf(SQLDataException.class)
          .hasMessageStartingWith("'yesterday' is not a TIMESTAMP (")
          .hasMessageEndingWith("): compare with a TIMESTAMP value such as TIMESTAMP '2025-08-01 10:15:00'");
    }
  }
}
