package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A column that can only be NULL, a function or CASE of bare NULLs, is a NULL VARCHAR, as PostgreSQL
 * resolves its unknown to text: before, {@code COALESCE(NULL, NULL)}, {@code NULLIF(NULL, NULL)},
 * {@code CASE WHEN … THEN NULL ELSE NULL END}, {@code GREATEST(NULL, NULL)} and the like were a column
 * of JDBC type NULL.
 */
class TextNullsTest {
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  /** Each column of each row as {@code value :: type name}, rows joined by " | ". */
  private static String outcome(String sql) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      StringBuilder b = new StringBuilder();
      while (rs.next()) {
        b.append(b.length() > 0 ? " | " : "");
        for (int i = 1; i <= md.getColumnCount(); i++) {
          b.append(i > 1 ? "; " : "").append(rs.getString(i)).append(" :: ").append(md.getColumnTypeName(i));
        }
      }
      return b.toString();
    }
  }

  @Test
  void aCallOfBareNullsIsANullVarchar() throws SQLException {
    assertThat(outcome("SELECT COALESCE(NULL, NULL), NULLIF(NULL, NULL), CASE WHEN TRUE THEN NULL ELSE NULL END,"
        + " GREATEST(NULL, NULL), LEAST(NULL, NULL)"))
        .isEqualTo("null :: VARCHAR; null :: VARCHAR; null :: VARCHAR; null :: VARCHAR; null :: VARCHAR");
    assertThat(outcome("SELECT IFNULL(NULL, NULL), NVL(NULL, NULL), NULLIF(NULL, 'x'), IIF(TRUE, NULL, NULL),"
        + " CASE WHEN TRUE THEN NULL END AS c, {fn IFNULL(NULL, NULL)}"))
        .isEqualTo("null :: VARCHAR; null :: VARCHAR; null :: VARCHAR; null :: VARCHAR; null :: VARCHAR;"
            + " null :: VARCHAR");
    assertThat(outcome("SELECT CASE WHEN test_type = 'Voice' THEN NULL END AS c, COALESCE(NULL, NULL) || 'x'"
        + " FROM pathsim.sessions LIMIT 2"))
        .isEqualTo("null :: VARCHAR; null :: VARCHAR | null :: VARCHAR; null :: VARCHAR");
    try (PreparedStatement s = connection.prepareStatement("SELECT COALESCE(NULL, NULL) AS x")) {
      assertThat(s.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR); // before: Types.NULL
    }
  }

  @Test
  void groupedOrderedAndFromASubQueryItStaysText() throws SQLException {
    assertThat(outcome("SELECT COALESCE(NULL, NULL) AS x, COUNT(*) FROM pathsim.workspaces GROUP BY 1 ORDER BY 1"))
        .isEqualTo("null :: VARCHAR; 5 :: BIGINT");
    assertThat(outcome("SELECT x FROM (SELECT NULLIF(NULL, NULL) AS x) t")).isEqualTo("null :: VARCHAR");
    // an aggregate of the NULL now runs: before, 0A000 "NULL is not supported here"
    assertThat(outcome("SELECT COALESCE(MAX(NULL), NULL) FROM pathsim.workspaces")).isEqualTo("null :: VARCHAR");
  }

  /** A bare NULL literal keeps its type, so that a UNION's other branch still types it. */
  @Test
  void aBareNullAndCallsWithAValueAreAsBefore() throws SQLException {
    assertThat(outcome("SELECT NULL, COALESCE(NULL, 1), NULLIF(1, 1), (SELECT NULL)"))
        .isEqualTo("null :: NULL; 1 :: INTEGER; null :: INTEGER; null :: NULL");
    assertThat(outcome("SELECT NULL UNION ALL SELECT 1")).isEqualTo("null :: INTEGER | 1 :: INTEGER");
    // in a set operation's branch such a call takes the other branches' type, as a bare NULL does
    assertThat(outcome("SELECT COALESCE(NULL, NULL) UNION ALL SELECT 'a'"))
        .isEqualTo(outcome("SELECT NULL UNION ALL SELECT 'a'")).isEqualTo("null :: CHAR | a :: CHAR");
    assertThat(outcome("SELECT COALESCE(NULL, NULL) UNION ALL SELECT 1")).isEqualTo("null :: INTEGER | 1 :: INTEGER");
    assertThat(outcome("SELECT 1 UNION SELECT NULLIF(NULL, NULL) ORDER BY 1"))
        .isEqualTo("1 :: INTEGER | null :: INTEGER");
    assertThat(outcome("SELECT * FROM (SELECT NULLIF(NULL, NULL) AS d UNION ALL SELECT DATE '2025-01-01')"))
        .isEqualTo("null :: DATE | 2025-01-01 :: DATE");
  }
}
