package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQL that does not parse fails with 42000 and a message of a line or two: where, which token, and
 * a hint; never the parser's list of every token it could have taken. The same on both ways SQL
 * is prepared. SQL that is empty, or only spaces and comments, says so.
 */
class SyntaxErrorsTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(4, 2);

  private static String executed(String sql) {
    return executed(QUIET.connection(), sql);
  }

  /** The message of the error executing the SQL, after Calcite's "Error while ..." prefix. */
  private static String executed(Connection c, String sql) {
    SQLException e = OwnSandbox.run(c, sql).failure();
    assertThat((Object) e).as(sql).isNotNull();
    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42000");
    assertThat(e.getMessage()).as(sql).startsWith("Error while executing SQL \"" + sql + "\": ")
        .doesNotContain("Was expecting");
    assertThat(e.getMessage().lines().count()).as(e.getMessage()).isLessThanOrEqualTo(2);
    return e.getMessage().substring(("Error while executing SQL \"" + sql + "\": ").length());
  }

  private static String prepared(String sql) {
    try {
      QUIET.connection().prepareStatement(sql).close();
    } catch (SQLException e) {
      assertThat(e.getSQLState()).isEqualTo("42000");
      assertThat(e.getMessage()).startsWith("Error while preparing statement [" + sql + "]: ");
      return e.getMessage().substring(("Error while preparing statement [" + sql + "]: ").length());
    }
    throw new AssertionError("should not prepare: " + sql);
  }

  @Test
  void aReservedWordUsedAsANameSaysToQuoteIt() {
    String sql = "SELECT name, order FROM pathsim.workspaces";
    assertThat(executed(sql)).isEqualTo("Syntax error at line 1, column 14: unexpected ORDER, a"
        + " reserved word. If order is a column, table or alias name, write \"order\".");
    assertThat(prepared(sql)).isEqualTo(executed(sql));
    assertThat(executed("SELECT from FROM pathsim.workspaces")).isEqualTo("Syntax error at line 1,"
        + " column 8: unexpected FROM, a reserved word. If from is a column, table or alias name,"
        + " write \"from\".");
  }

  @Test
  void aMissingWordNamesWhatWasExpected() {
    assertThat(executed("SELECT name FROM pathsim.workspaces ORDER name")).isEqualTo(
        "Syntax error at line 1, column 37: ORDER must be followed by BY.");
    assertThat(executed("SELECT name FROM pathsim.workspaces WHERE name = 'a' ORDER name"))
        .isEqualTo("Syntax error at line 1, column 60: unexpected \"name\". Expected BY.");
    assertThat(executed("SELECT name FROM pathsim.workspaces\nWHERE")).isEqualTo(
        "Syntax error at line 2, column 1: the statement ends too early, after WHERE.");
  }

  @Test
  void theReservedWordHintOnlyWhereAReservedWordStandsForAName() {
    assertThat(executed("SELECT name FROM pathsim.workspaces WHERE order = 1")).isEqualTo("Syntax error"
        + " at line 1, column 43: unexpected ORDER, a reserved word. If order is a column, table or alias"
        + " name, write \"order\".");
    assertThat(executed("SELECT name FROM pathsim.workspaces WHERE name = 'a' AND")).isEqualTo(
        "Syntax error at line 1, column 54: the statement ends too early, after AND.");
    assertThat(executed("SELECT name FROM pathsim.workspaces WHERE name = 'a' AND -- more to come\n"))
        .isEqualTo("Syntax error at line 1, column 54: the statement ends too early, after AND.");
    assertThat(executed("SELECT 1;;")).isEqualTo("Syntax error at line 1, column 9: unexpected \";\". A"
        + " call runs one statement: end it with one ; at most, and run the next statement on its own.");
    assertThat(executed("SELECT name FROM pathsim.workspaces WHERE name IN ()")).isEqualTo(
        "Syntax error at line 1, column 52: unexpected \")\". Check the SQL just before it.");
  }

  @Test
  void otherDatabasesSyntaxSaysWhatToWriteHere() {
    String top = "SELECT TOP 2 name FROM pathsim.workspaces";
    assertThat(executed(top)).isEqualTo("Syntax error at line 1, column 8: TOP is SQL Server's, not SQL"
        + " convosql runs: write LIMIT 2 at the end of the query, or FETCH FIRST 2 ROWS ONLY.");
    assertThat(prepared(top)).isEqualTo(executed(top));
    // with parentheses it parses, as a call of a function TOP, and fails in validation
    String parenthesized = "SELECT TOP (5) name FROM pathsim.workspaces";
    assertThat(executed(parenthesized)).isEqualTo("Syntax error at line 1, column 8: TOP is SQL"
        + " Server's, not SQL convosql runs: write LIMIT 5 at the end of the query, or FETCH FIRST 5"
        + " ROWS ONLY.");
    assertThat(prepared(parenthesized)).isEqualTo(executed(parenthesized));
    assertThat(executed("SELECT DISTINCT ON (name) name FROM pathsim.workspaces")).isEqualTo("Syntax"
        + " error at line 1, column 8: DISTINCT ON is PostgreSQL's and not supported: for one row per"
        + " name, GROUP BY name, or number the rows with ROW_NUMBER() OVER (PARTITION BY name ORDER BY"
        + " ...) in a subquery and keep those numbered 1.");
    assertThat(executed("SELECT `name` FROM pathsim.workspaces")).isEqualTo("Syntax error at line 1,"
        + " column 8: a backtick (`), which is not SQL: names are quoted with double quotes, as in"
        + " \"name\".");
  }

  @Test
  void quotesAndStatementsThatAreNotQueries() {
    assertThat(executed("SELECT name FROM pathsim.workspaces WHERE name = 'abc")).isEqualTo(
        "Syntax error at line 1, column 50: unexpected '. Check that every 'string' and \"name\""
            + " has its closing quote.");
    assertThat(executed("SELEC name FROM pathsim.workspaces")).isEqualTo("Syntax error at line 1,"
        + " column 1: this is not a statement. A statement starts with SELECT, WITH, VALUES,"
        + " EXPLAIN or DELETE.");
  }

  @Test
  void anEmptyStatementSaysSoOnEveryWaySqlIsRun() throws SQLException {
    String empty = "The statement is empty: it holds no SQL, only spaces or comments; write a query,"
        + " as in SELECT * FROM pathsim.workspaces";
    Connection c = QUIET.connection();
    for (String sql : List.of("", "   ", "\n", ";", "-- just a comment", "/* a comment */ ;", "-- a\n-- b\n")) {
      try (Statement s = c.createStatement()) {
        for (ThrowingCallable run : List.<ThrowingCallable>of(() -> s.executeQuery(sql), () -> s.execute(sql),
            () -> s.executeUpdate(sql), () -> c.prepareStatement(sql))) {
          assertThatThrownBy(run).as("'" + sql + "'").isInstanceOf(SQLSyntaxErrorException.class)
              .hasMessage(empty).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
        }
      }
    }
    assertThat(OwnSandbox.run(c, "-- a comment\nSELECT 1 /* and another */").rows()).containsExactly("1");
  }

  @Test
  void bangEqualUnderAConformanceWithoutItSaysToWriteNotEqual() throws SQLException {
    // LENIENT, the default, takes != (DialectTest); conformance=DEFAULT does not
    Connection standard = QUIET.connect("conformance=DEFAULT");
    assertThat(executed(standard, "SELECT name FROM pathsim.workspaces WHERE name != 'a'")).isEqualTo(
        "Syntax error at line 1, column 48: '!=' is not allowed under this connection's conformance."
            + " Write <> for not equal.");
  }

  @Test
  void aValidationErrorKeepsItsPlaceOnBothPaths() {
    String sql = "SELECT nope FROM pathsim.workspaces";
    String expected = "From line 1, column 8 to line 1, column 11: Column 'nope' not found in any table";
    assertThat(executed(sql)).isEqualTo(expected);
    assertThat(prepared(sql)).isEqualTo(expected);
  }
}
