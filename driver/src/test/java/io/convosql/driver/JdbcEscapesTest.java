package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JDBC's escapes as tools and ORMs write them: {@code {oj …}}, {@code {limit n [offset m]}} and
 * {@code {escape 'c'}} give the rows, and send the requests, of the plain SQL they stand for;
 * {@code {call …}} and {@code prepareCall} fail with 0A000 saying there are no procedures;
 * {@code nativeSQL} answers with the plain SQL.
 */
class JdbcEscapesTest {
  private static Sandbox sandbox;
  private static Connection connection;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(30, 0);
    connection = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
  }

  @AfterAll
  static void stop() throws SQLException {
    connection.close();
    sandbox.close();
  }

  /** The requests the SQL sent (in any order: pages of several workspaces are fetched at once). */
  private static List<String> sent(String sql, List<String> rows) {
    sandbox.requests().clear();
    OwnSandbox.Outcome o = OwnSandbox.run(connection, sql);
    assertThat((Object) o.failure()).as(sql).isNull();
    rows.addAll(o.rows());
    return sandbox.requests().all().stream().map(Object::toString).toList();
  }

  private static void sameAsPlain(String escaped, String plain) {
    List<String> escapedRows = new java.util.ArrayList<>();
    List<String> plainRows = new java.util.ArrayList<>();
    List<String> escapedRequests = sent(escaped, escapedRows);
    List<String> plainRequests = sent(plain, plainRows);
    assertThat(escapedRows).as(escaped).isNotEmpty().containsExactlyElementsOf(plainRows);
    assertThat(escapedRequests).as(escaped).containsExactlyInAnyOrderElementsOf(plainRequests);
  }

  @Test
  void outerJoinLimitAndEscapeAreThePlainSqlTheyStandFor() {
    sameAsPlain("SELECT w.name, s.id FROM {oj pathsim.workspaces w LEFT OUTER JOIN pathsim.sessions s"
            + " ON s.workspace_id = w.id} ORDER BY w.name, s.id {limit 3}",
        "SELECT w.name, s.id FROM pathsim.workspaces w LEFT OUTER JOIN pathsim.sessions s"
            + " ON s.workspace_id = w.id ORDER BY w.name, s.id LIMIT 3");
    sameAsPlain("SELECT id FROM pathsim.sessions {LIMIT 2}", "SELECT id FROM pathsim.sessions LIMIT 2");
    sameAsPlain("SELECT name FROM pathsim.workspaces ORDER BY name {limit 2 offset 1}",
        "SELECT name FROM pathsim.workspaces ORDER BY name LIMIT 2 OFFSET 1");
    sameAsPlain("SELECT name FROM pathsim.workspaces WHERE name NOT LIKE '%!_%' {escape '!'}",
        "SELECT name FROM pathsim.workspaces WHERE name NOT LIKE '%!_%' ESCAPE '!'");
    sameAsPlain("SELECT {fn UCASE(name)}, '{oj x}' AS \"{limit}\" FROM pathsim.workspaces"
            + " -- {escape 'x'}\n ORDER BY 1 {limit 1}",
        "SELECT UPPER(name), '{oj x}' AS \"{limit}\" FROM pathsim.workspaces ORDER BY 1 LIMIT 1");
  }

  @Test
  void locateInTheEscapeIsThePlainLocate() throws SQLException {
    String from = "SELECT %s('b', 'abcb', 0), %<s('b', 'abcb', -1), %<s('b', 'abcb', 3), %<s('b', 'abcb'),"
        + " %<s(NULL, 'abcb', 0), %<s('x', name, 0), %<s(?, 'abcb', ?) FROM pathsim.workspaces"
        + " WHERE name = 'Staging'";
    // before: HY000 "Invalid input for POSITION function: from operand value must not be zero"
    List<String> plain = DriverFixture.rows(connection, from.formatted("LOCATE"), "b", 0);
    assertThat(plain).containsExactly("0; 0; 4; 2; null; 0; 0");
    assertThat(DriverFixture.rows(connection, from.formatted("{fn LOCATE").replace(")", ")}"), "b", 0))
        .isEqualTo(plain);
    // also where plain SQL has no LOCATE (fun=standard): JDBC's escape is there under every fun
    try (Connection standard = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "fun=standard")) {
      assertThat(DriverFixture.rows(standard, "SELECT {fn LOCATE('b', 'abcb', 0)}, {fn LOCATE('b', 'abcb', 3)}"))
          .containsExactly("0; 4");
    }
  }

  /**
   * {@code {fn LOCATE}} with too few or too many arguments fails as the plain LOCATE does (42000):
   * before, one argument threw Calcite's AssertionError, no SQLException at all, and four gave 0.
   */
  @Test
  void locateInTheEscapeCountsItsArgumentsAsThePlainLocate() {
    for (String[] call : new String[][] {{"LOCATE('b')", "2"}, {"LOCATE()", "2"},
        {"LOCATE('b', 'abc', 1, 2)", "3"}}) {
      for (String sql : List.of("SELECT " + call[0], "SELECT {fn " + call[0] + "}")) {
        SQLException e = OwnSandbox.run(connection, sql).failure();
        assertThat((Object) e).as(sql).isNotNull();
        assertThat(e.getSQLState()).as(sql).isEqualTo("42000");
        assertThat(e.getMessage()).as(sql)
            .contains("Invalid number of arguments to function 'LOCATE'. Was expecting " + call[1] + " arguments");
      }
    }
  }

  /**
   * Every escape function Calcite reads, with no arguments, one too few and one too many, fails with
   * 42000 naming the function and the count it takes. Before, those whose call Calcite builds by
   * position failed with HY000 ({@code {fn LTRIM()}}: "Index 0 out of bounds", or an AssertionError;
   * {@code {fn INSERT('a')}} the same), {@code {fn IFNULL(1)}} ran as {@code COALESCE(1)} and gave 1,
   * {@code {fn CEILING(1, 2)}} failed with 0A000, and {@code {fn LOCATE}} of four ran.
   */
  @Test
  void everyEscapeFunctionCountsItsArguments() {
    // name, least and most arguments (as JDBC's escapes and Calcite's functions take them)
    Object[][] functions = {{"ABS", 1, 1}, {"ACOS", 1, 1}, {"ASIN", 1, 1}, {"ATAN", 1, 1},
        {"ATAN2", 2, 2}, {"CBRT", 1, 1}, {"CEILING", 1, 1}, {"COS", 1, 1}, {"COT", 1, 1},
        {"DEGREES", 1, 1}, {"EXP", 1, 1}, {"FLOOR", 1, 1}, {"LOG", 1, 1}, {"LOG10", 1, 1},
        {"MOD", 2, 2}, {"PI", 0, 0}, {"POWER", 2, 2}, {"RADIANS", 1, 1}, {"RAND", 0, 1},
        {"ROUND", 1, 2}, {"SIGN", 1, 1}, {"SIN", 1, 1}, {"SQRT", 1, 1}, {"TAN", 1, 1},
        {"TRUNCATE", 1, 2}, {"ASCII", 1, 1}, {"CHAR", 1, 1}, {"CONCAT", 2, 2}, {"DIFFERENCE", 2, 2},
        {"INSERT", 4, 4}, {"LCASE", 1, 1}, {"LENGTH", 1, 1}, {"LOCATE", 2, 3}, {"LEFT", 2, 2},
        {"LTRIM", 1, 1}, {"REPEAT", 2, 2}, {"REPLACE", 3, 3}, {"REVERSE", 1, 1}, {"RIGHT", 2, 2},
        {"RTRIM", 1, 1}, {"SOUNDEX", 1, 1}, {"SPACE", 1, 1}, {"SUBSTRING", 2, 3}, {"UCASE", 1, 1},
        {"YEAR", 1, 1}, {"QUARTER", 1, 1}, {"MONTH", 1, 1}, {"WEEK", 1, 1}, {"DAYOFYEAR", 1, 1},
        {"DAYOFMONTH", 1, 1}, {"DAYOFWEEK", 1, 1}, {"DAYNAME", 1, 1}, {"HOUR", 1, 1},
        {"MINUTE", 1, 1}, {"MONTHNAME", 1, 1}, {"SECOND", 1, 1}, {"CURDATE", 0, 0},
        {"CURTIME", 0, 1}, {"NOW", 0, 1}, {"TIMESTAMPDIFF", 3, 3}, {"TO_CHAR", 2, 2},
        {"TO_DATE", 2, 2}, {"TO_TIMESTAMP", 2, 2}, {"DATABASE", 0, 0}, {"IFNULL", 2, 2},
        {"USER", 0, 0}};
    for (Object[] f : functions) {
      String name = (String) f[0];
      int least = (int) f[1];
      int most = (int) f[2];
      java.util.Set<Integer> counts = new java.util.TreeSet<>(List.of(most + 1));
      if (least > 0) {
        counts.addAll(List.of(0, least - 1));
      }
      for (int n : counts) {
        String sql = "SELECT {fn " + name + "(" + String.join(", ", java.util.Collections.nCopies(n, "'1'")) + ")}";
        SQLException e = OwnSandbox.run(connection, sql).failure();
        assertThat((Object) e).as(sql).isNotNull();
        assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("42000");
        assertThat(e.getMessage()).as(sql).contains("Invalid number of arguments to function '" + name
            + "'. Was expecting " + (n < least ? least : most) + " arguments");
      }
    }
  }

  @Test
  void escapesThatRearrangeTheirArgumentsRunWithTheRightCount() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT {fn LTRIM('  a ')}, {fn RTRIM(' a  ')}, {fn IFNULL(NULL, 2)},"
        + " {fn IFNULL(1, 2)}, {fn INSERT('abcdef', 2, 3, 'XY')}, {fn CEILING(1.5)}, {fn FLOOR(1.5)}"))
        .containsExactly("a ;  a; 2; 1; aXYef; 2; 1");
  }

  /**
   * A start position written as text that is a whole number counts as that number, as MySQL converts
   * it, in the plain LOCATE and in the escape; before, both failed with 0A000 "POSITION is not
   * supported". Other text fails as it did, with 22018.
   */
  @Test
  void locateTakesAWholeNumberWrittenAsText() throws SQLException {
    String sql = "SELECT %s('b', 'abcb', '3'), %<s('b', 'abcb', ' 1 '), %<s('b', name, '1'), %<s('b', 'abcb', '0'),"
        + " %<s('b', 'abcb', NULL) FROM pathsim.workspaces WHERE name = 'Staging'";
    assertThat(DriverFixture.rows(connection, sql.formatted("LOCATE"))).containsExactly("4; 2; 0; 0; null");
    assertThat(DriverFixture.rows(connection, sql.formatted("{fn LOCATE").replace(")", ")}")))
        .containsExactly("4; 2; 0; 0; null");
    for (String refused : List.of("SELECT LOCATE('b', 'abcb', 'x')", "SELECT {fn LOCATE('b', 'abcb', 'x')}")) {
      SQLException e = OwnSandbox.run(connection, refused).failure();
      assertThat((Object) e).as(refused).isNotNull();
      assertThat(e.getSQLState()).as(refused).isEqualTo("22018");
      assertThat(e.getMessage()).as(refused).startsWith("'x' is not an INTEGER");
    }
  }

  /**
   * POSITION's FROM written as text counts as LOCATE's does: it failed with 0A000 "POSITION is not
   * supported here" while LOCATE('b', s, '3') ran. A negative number keeps POSITION's meaning (from the
   * end), which LOCATE's has not.
   */
  @Test
  void positionTakesAWholeNumberWrittenAsTextAsLocateDoes() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT POSITION('b' IN 'abcb' FROM '3'), POSITION('b' IN"
        + " 'abcb' FROM ' 1 '), POSITION('b' IN name FROM '1'), POSITION('b' IN 'abcb' FROM 3),"
        + " POSITION('b' IN 'abcb' FROM CAST(NULL AS VARCHAR)), LOCATE('b', 'abcb', '3') FROM"
        + " pathsim.workspaces WHERE name = 'Staging'")).containsExactly("4; 2; 0; 4; null; 4");
    SQLException e = OwnSandbox.run(connection, "SELECT POSITION('b' IN 'abcb' FROM 'x')").failure();
    assertThat(e.getSQLState()).isEqualTo("22018");
    assertThat(e.getMessage()).startsWith("'x' is not an INTEGER");
  }

  @Test
  void nativeSqlIsThePlainSqlAndErrorsPointWhereTheUserTyped() throws SQLException {
    assertThat(connection.nativeSQL("SELECT a FROM {oj t LEFT JOIN u ON t.x = u.x} WHERE b LIKE"
        + " 'x!%' {escape '!'} {limit 5 offset 2}")).isEqualTo("SELECT a FROM     t LEFT JOIN u ON"
        + " t.x = u.x  WHERE b LIKE 'x!%'  ESCAPE '!'   LIMIT 5 offset 2 ");
    assertThat(connection.nativeSQL("SELECT '{limit 1}' FROM t")).isEqualTo("SELECT '{limit 1}' FROM t");
    // a function JDBC does not define is the plain call; JDBC's own stay for the parser
    assertThat(connection.nativeSQL("SELECT {fn NVL(a, 1)}, {fn UCASE(b)} FROM t"))
        .isEqualTo("SELECT     NVL(a, 1) , {fn UCASE(b)} FROM t");
    // an escape never closed stays as typed, and the parser says where (it ran as if closed)
    assertThat(connection.nativeSQL("SELECT {fn NVL(1, 2)")).isEqualTo("SELECT {fn NVL(1, 2)");
    for (String unclosed : List.of("SELECT {fn NVL(1, 2)", "SELECT 1 {limit 1", "SELECT 1 {fn UCASE('a')")) {
      SQLException failed = OwnSandbox.run(connection, unclosed).failure();
      assertThat((Object) failed).as(unclosed).isNotNull();
      assertThat(failed.getSQLState()).as(unclosed).isEqualTo("42000");
    }
    String sql = "SELECT name FROM {oj pathsim.workspaces} WHERE name = 'a' ORDER name";
    SQLException e = OwnSandbox.run(connection, sql).failure();
    assertThat(e.getSQLState()).isEqualTo("42000");
    assertThat(e.getMessage()).endsWith("line 1, column " + (sql.lastIndexOf("name") + 1)
        + ": unexpected \"name\". Expected BY.");
  }

  /**
   * Escapes given arguments they cannot take fail with the SQLState of the fault and a message naming
   * the function; before, each failed with HY000: {@code {fn DIFFERENCE(1, 1)}} "String index out of
   * range: 0" when it ran, a timestamp where TIMESTAMPDIFF's unit goes an AssertionError ("cannot
   * cast … as class TimeUnit"), {@code {fn TO_DATE('a', 'a')}} "java.sql.SQLException: Invalid format".
   */
  @Test
  void wrongArgumentsFailWithTheirSqlStateNamingTheFunction() {
    SQLException difference = OwnSandbox.run(connection, "SELECT {fn DIFFERENCE(1, 1)}").failure();
    assertThat(difference.getSQLState()).isEqualTo("42000");
    assertThat(difference.getMessage()).endsWith(": Cannot apply 'DIFFERENCE' to arguments of type"
        + " 'DIFFERENCE(<INTEGER>, <INTEGER>)'. Supported form(s): 'DIFFERENCE(<CHARACTER>, <CHARACTER>)'");
    assertThat(OwnSandbox.run(connection, "SELECT DIFFERENCE(1, 'a')").failure().getMessage())
        .endsWith(": Cannot apply 'DIFFERENCE' to arguments of type 'DIFFERENCE(<INTEGER>, <CHAR(1)>)'."
            + " Supported form(s): 'DIFFERENCE(<CHARACTER>, <CHARACTER>)'");
    String t = "TIMESTAMP '2025-01-01 00:00:00'";
    SQLException unit = OwnSandbox.run(connection, "SELECT {fn TIMESTAMPDIFF(" + t + ", " + t + ", " + t
        + ")}").failure();
    assertThat(unit.getSQLState()).isEqualTo("42000");
    assertThat(unit.getMessage()).endsWith(": {fn TIMESTAMPDIFF} takes a unit first, SQL_TSI_FRAC_SECOND,"
        + " SQL_TSI_SECOND, SQL_TSI_MINUTE, SQL_TSI_HOUR, SQL_TSI_DAY, SQL_TSI_WEEK, SQL_TSI_MONTH,"
        + " SQL_TSI_QUARTER or SQL_TSI_YEAR (or SECOND, …, YEAR), as in {fn TIMESTAMPDIFF(SQL_TSI_DAY,"
        + " t1, t2)}; TIMESTAMP '2025-01-01 00:00:00' is no unit");
    SQLException format = OwnSandbox.run(connection, "SELECT {fn TO_DATE('a', 'a')}").failure();
    assertThat(format.getSQLState()).isEqualTo("22007");
    assertThat(format.getMessage()).isEqualTo("TO_DATE: the text cannot be read with the format (Invalid"
        + " format: 'a' for datetime string: 'a'.): write the format in PostgreSQL's patterns, as in"
        + " TO_DATE('2025-08-01', 'YYYY-MM-DD') (YYYY, MM, DD, HH24, MI, SS)");
    // the arguments they take still run
    assertThat(OwnSandbox.run(connection, "SELECT {fn DIFFERENCE('Smith', 'Smyth')}, {fn TIMESTAMPDIFF("
        + "SQL_TSI_DAY, " + t + ", TIMESTAMP '2025-01-03 00:00:00')}, {fn TIMESTAMPADD(SQL_TSI_HOUR, 2, " + t
        + ")}, {fn TO_DATE('2025-01-02', 'YYYY-MM-DD')}").rows())
        .containsExactly("4; 2; 2025-01-01 02:00:00; 2025-01-02");
  }

  /**
   * DIFFERENCE of text with no letter, whose Soundex code is empty ({@code SOUNDEX('1')} is '', as in
   * PostgreSQL), is PostgreSQL's: 0 beside text with letters, 4 beside text without. Before, HY000
   * "String index out of range: 0" when it ran, a constant or a column.
   */
  @Test
  void differenceOfTextWithNoLetterIsPostgresqls() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT {fn DIFFERENCE('1', 'a')}, DIFFERENCE('1', 'a'),"
        + " DIFFERENCE('Anne', '--'), DIFFERENCE('1', '2'), DIFFERENCE('', ''), DIFFERENCE(CAST(NULL AS"
        + " VARCHAR), '1'), SOUNDEX('1'), CHAR_LENGTH(SOUNDEX('1')), DIFFERENCE('Anne', 'Andrew')"))
        .containsExactly("0; 0; 0; 4; 4; null; ; 0; 2");
    assertThat(DriverFixture.rows(connection, "SELECT DISTINCT DIFFERENCE(name, '42'), DIFFERENCE('42', name),"
        + " DIFFERENCE(name, name) FROM pathsim.workspaces")).containsExactly("0; 0; 4");
  }

  /**
   * SOUNDEX and DIFFERENCE pass over what is no letter A to Z, accented letters too, as PostgreSQL's
   * fuzzystrmatch: before, HY000 "The character is not mapped: É" from Calcite's Soundex.
   */
  @Test
  void soundexPassesOverAccentedLettersAsPostgresqlDoes() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT SOUNDEX('é'), CHAR_LENGTH(SOUNDEX('é')), SOUNDEX('Renée'),"
        + " {fn SOUNDEX('Müller')}, DIFFERENCE('é', 'e'), {fn DIFFERENCE('Renée', 'Rene')}, DIFFERENCE('é', 'ü'),"
        + " SOUNDEX('Robert'), SOUNDEX(NULL)"))
        .containsExactly("; 0; R500; M460; 0; 4; 4; R163; null");
  }

  @Test
  void soundexIsFuzzystrmatchsLetterByLetter() throws SQLException {
    // fuzzystrmatch compares each letter's digit with the character before it, so a vowel between two
    // letters of one digit keeps both (Tymczak: c, z are one 2, a, then k a second 2) and H or W does
    // too (Ashcraft: s, h, c is 2, 2); Calcite's Soundex (American Soundex) gave T522 and A261
    assertThat(DriverFixture.rows(connection, "SELECT SOUNDEX('Tymczak'), SOUNDEX('Ashcraft'), SOUNDEX('Pfister'),"
        + " {fn SOUNDEX('Jackson')}, SOUNDEX('  lee'), DIFFERENCE('Ashcraft', 'Ashcroft'), DIFFERENCE('Tymczak', 'Lee')"))
        .containsExactly("T522; A226; P236; J250; L000; 4; 0");
  }

  @Test
  void callsFailSayingThereAreNoStoredProcedures() {
    for (String call : List.of("{call refresh(1)}", "{ ? = call refresh(1) }", "CALL refresh(1)",
        "/* nightly */ CALL refresh(1)", "-- nightly\n{call refresh(1)}")) {
      SQLException e = OwnSandbox.run(connection, call).failure();
      assertThat((Object) e).as(call).isInstanceOf(SQLFeatureNotSupportedException.class);
      assertThat(e.getSQLState()).isEqualTo("0A000");
      assertThat(e.getMessage()).startsWith("convosql has no stored procedures, so there is nothing"
          + " to call.").contains("SELECT");
      assertThatThrownBy(() -> connection.prepareStatement(call))
          .hasMessage(e.getMessage());
    }
    assertThatThrownBy(() -> connection.prepareCall("SELECT 1"))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage("prepareCall is for stored procedures, which convosql has none of: prepare the"
            + " SQL with prepareStatement");
    assertThat(sandbox.requests().all()).isEmpty();
  }
}
