package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A function given an argument it cannot take while the query runs fails with PostgreSQL's SQLState
 * for it and a message saying what it takes; before, each was HY000, the class of internal errors,
 * with Calcite's bare message.
 */
class FunctionArgumentErrorsTest {
  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static SQLException failure(String sql) {
    Throwable e = DriverFixture.queryFailure(connection, sql);
    assertThat(e).as(sql).isInstanceOf(SQLDataException.class);
    return (SQLException) e;
  }

  @Test
  void theLogarithmOfZeroOrANegativeNumberIs2201E() {
    // before: HY000 Cannot take logarithm of zero or negative number
    for (String sql : new String[] {"SELECT LN(0)", "SELECT LOG(-1)", "SELECT LOG10(0)", "SELECT LOG(2, 0)",
        "SELECT LOG2(CHAR_LENGTH(name) - 100) FROM pathsim.workspaces"}) {
      SQLException e = failure(sql);
      assertThat(e.getSQLState()).as(sql).isEqualTo("2201E");
      assertThat(e.getMessage()).as(sql).isEqualTo("Cannot take the logarithm of zero or of a negative number:"
          + " LN, LOG, LOG10 and LOG2 take a number above 0 (leave the others out, as in CASE WHEN x > 0 THEN"
          + " LN(x) END)");
    }
  }

  @Test
  void aNegativeLengthOfSubstringIs22011AndOfLpadOrAnEmptyPad22023() {
    // before: HY000 Substring error: negative substring length not allowed
    SQLException substring = failure("SELECT SUBSTRING(name, 2, CHAR_LENGTH(name) - 100) FROM pathsim.workspaces");
    assertThat(substring.getSQLState()).isEqualTo("22011");
    assertThat(substring.getMessage()).isEqualTo("Negative substring length not allowed: SUBSTRING(s, from,"
        + " length) takes a length of 0 or more");
    // before: HY000 Second argument for LPAD/RPAD must not be negative
    for (String sql : new String[] {"SELECT LPAD('ab', -1, 'x')", "SELECT RPAD(name, -1) FROM pathsim.workspaces",
        "SELECT LPAD('ab', 5, '')"}) {
      SQLException e = failure(sql);
      assertThat(e.getSQLState()).as(sql).isEqualTo("22023");
      assertThat(e.getMessage()).as(sql).isEqualTo("LPAD and RPAD take a length of 0 or more and text to pad with"
          + " that is not empty (" + (sql.contains("''") ? "Third argument (pad pattern) for LPAD/RPAD must not"
          + " be empty" : "Second argument for LPAD/RPAD must not be negative") + ")");
    }
  }

  /**
   * PostgreSQL's TO_DATE and TO_TIMESTAMP, the plain functions of the default functions, of text the
   * format cannot read: 22007 as their {@code {fn …}} escapes were; before, HY000
   * "java.sql.SQLException: Invalid format: …".
   */
  @Test
  void textToDateOrToTimestampCannotReadIs22007() {
    SQLException date = failure("SELECT TO_DATE('2025-02-30', 'YYYY-MM-DD')");
    assertThat(date.getSQLState()).isEqualTo("22007");
    assertThat(date.getMessage()).isEqualTo("TO_DATE: the text cannot be read with the format (Invalid format:"
        + " 'YYYY-MM-DD' for datetime string: '2025-02-30'.): write the format in PostgreSQL's patterns, as in"
        + " TO_DATE('2025-08-01', 'YYYY-MM-DD') (YYYY, MM, DD, HH24, MI, SS)");
    SQLException timestamp = failure("SELECT to_timestamp(name, 'YYYY-MM-DD HH24:MI:SS') FROM pathsim.workspaces");
    assertThat(timestamp.getSQLState()).isEqualTo("22007");
    assertThat(timestamp.getMessage()).startsWith("TO_TIMESTAMP: the text cannot be read with the format"
        + " (Invalid format: 'YYYY-MM-DD HH24:MI:SS' for timestamp string: '");
  }
}
