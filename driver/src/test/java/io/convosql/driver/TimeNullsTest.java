package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A time function of a bare NULL where the time must be is NULL, of the type it has for a time, as
 * MySQL answers {@code YEAR(NULL)}. Before, {@code YEAR(NULL)} and {@code EXTRACT(YEAR FROM NULL)}
 * failed with 42000 naming EXTRACT, {@code LAST_DAY(NULL)} with HY000 (an AssertionError), and
 * {@code date_trunc('month', NULL)} was a DOUBLE, {@code TIMESTAMPADD(DAY, 1, NULL)} of type NULL.
 */
class TimeNullsTest {
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  /** Each column as {@code value :: type}, or the failure's SQLState and message. */
  private static String outcome(String sql) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      ResultSetMetaData md = s.getMetaData();
      StringBuilder b = new StringBuilder();
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          b.append(i > 1 ? "; " : "").append(rs.getString(i)).append(" :: ").append(md.getColumnTypeName(i));
        }
      }
      return b.toString();
    } catch (SQLException e) {
      return e.getSQLState() + " " + e.getMessage();
    }
  }

  @Test
  void aPartOfANullTimeIsANullBigint() {
    // before: 42000 Cannot apply 'EXTRACT' to arguments of type 'EXTRACT(<INTERVAL YEAR> FROM <NULL>)'
    assertThat(outcome("SELECT YEAR(NULL), MONTH(NULL), QUARTER(NULL), WEEK(NULL), HOUR(NULL)"))
        .isEqualTo("null :: BIGINT; null :: BIGINT; null :: BIGINT; null :: BIGINT; null :: BIGINT");
    assertThat(outcome("SELECT DAYOFWEEK(NULL), DAYOFMONTH(NULL), DAYOFYEAR(NULL), MINUTE(NULL), SECOND(NULL)"))
        .isEqualTo("null :: BIGINT; null :: BIGINT; null :: BIGINT; null :: BIGINT; null :: BIGINT");
    assertThat(outcome("SELECT {fn YEAR(NULL)}, {fn HOUR(NULL)}, {fn DAYOFWEEK(NULL)}, DAY(NULL)"))
        .isEqualTo("null :: BIGINT; null :: BIGINT; null :: BIGINT; null :: BIGINT");
    assertThat(outcome("SELECT EXTRACT(YEAR FROM NULL), EXTRACT(EPOCH FROM NULL), DATE_PART('year', NULL)"))
        .isEqualTo("null :: BIGINT; null :: BIGINT; null :: BIGINT");
  }

  @Test
  void aDayOrTimeOfANullTimeIsANullOfItsType() {
    // before: HY000 Calcite ... internal error (java.lang.AssertionError: unknown type NULL)
    assertThat(outcome("SELECT LAST_DAY(NULL)")).isEqualTo("null :: DATE");
    // before: 42000 Cannot apply 'FLOOR' to arguments of type 'FLOOR(<INTERVAL DAY>, <INTERVAL WEEK>)'
    assertThat(outcome("SELECT date_trunc('week', NULL)")).isEqualTo("null :: TIMESTAMP");
    // before: DOUBLE, DOUBLE, DOUBLE and NULL
    assertThat(outcome("SELECT date_trunc('month', NULL), FLOOR(NULL TO DAY), CEIL(NULL TO HOUR),"
        + " TIMESTAMPADD(DAY, 1, NULL)"))
        .isEqualTo("null :: TIMESTAMP; null :: TIMESTAMP; null :: TIMESTAMP; null :: TIMESTAMP");
  }

  @Test
  void aNullInAWhereOrOfATimeColumnIsAsBefore() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT COUNT(*) FROM pathsim.workspaces WHERE YEAR(NULL) = 2025"
        + " OR LAST_DAY(NULL) IS NOT NULL")).containsExactly("0");
    assertThat(outcome("SELECT YEAR(TIMESTAMP '2025-08-10 13:14:15'), LAST_DAY(DATE '2024-02-10'),"
        + " YEAR(CAST(NULL AS DATE))"))
        .isEqualTo("2025 :: BIGINT; 2024-02-29 :: DATE; null :: BIGINT");
    // a NULL unit is still refused, as PostgreSQL cannot tell which date_trunc it is
    assertThat(outcome("SELECT date_trunc(NULL, NULL)")).startsWith("42000 ");
  }
}
