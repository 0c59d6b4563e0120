package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.junit.jupiter.api.Test;

/**
 * Every function {@code DatabaseMetaData} names (getNumericFunctions, getStringFunctions,
 * getTimeDateFunctions, getSystemFunctions), where tools look for what to offer, runs: in JDBC's
 * escape {@code {fn f(…)}} and, under the default functions, as plain SQL, as MySQL users type
 * {@code UCASE}, {@code CURDATE()} and {@code DAYNAME}. Before, {@code CONVERT_TIMEZONE} was listed
 * and ran in neither form, {@code {fn NVL(…)}} and {@code {fn matches(…)}} were "not defined", and
 * eleven listed names failed as plain SQL.
 */
class FunctionNamesTest {
  private static final Pattern ESCAPE = Pattern.compile("\\{fn ([^{}]*(?:\\([^{}]*\\))?)}");

  /** A call of each listed function in an escape, and the row it gives. */
  private static final Map<String, String[]> CALLS = new LinkedHashMap<>();

  static {
    call("ABS", "{fn ABS(-2)}", "2");
    call("ACOS", "ROUND({fn ACOS(0.5)}, 4)", "1.0472");
    call("ASIN", "ROUND({fn ASIN(0.5)}, 4)", "0.5236");
    call("ATAN", "ROUND({fn ATAN(1)}, 4)", "0.7854");
    call("ATAN2", "ROUND({fn ATAN2(1, 2)}, 4)", "0.4636");
    call("CBRT", "{fn CBRT(27)}", "3.0");
    call("CEILING", "{fn CEILING(1.2)}", "2");
    call("COS", "{fn COS(0)}", "1.0");
    call("COT", "ROUND({fn COT(1)}, 4)", "0.6421");
    call("DEGREES", "{fn DEGREES(PI())}", "180.0");
    call("EXP", "{fn EXP(0)}", "1.0");
    call("FLOOR", "{fn FLOOR(1.7)}", "1");
    call("LOG", "ROUND({fn LOG(10)}, 4)", "2.3026"); // JDBC's LOG is natural; PostgreSQL's log base 10
    call("LOG10", "{fn LOG10(100)}", "2.0");
    call("MOD", "{fn MOD(7, 3)}", "1");
    call("PI", "ROUND({fn PI()}, 4)", "3.1416");
    call("POWER", "{fn POWER(2, 3)}", "8.0");
    call("RADIANS", "ROUND({fn RADIANS(180)}, 4)", "3.1416");
    call("RAND", "{fn RAND()} >= 0 AND {fn RAND()} < 1", "true");
    call("ROUND", "{fn ROUND(1.25, 1)}", "1.30");
    call("SIGN", "{fn SIGN(-3)}", "-1");
    call("SIN", "{fn SIN(0)}", "0.0");
    call("SQRT", "{fn SQRT(4)}", "2.0");
    call("TAN", "{fn TAN(0)}", "0.0");
    call("TRUNCATE", "{fn TRUNCATE(1.27, 1)}", "1.20");
    call("ASCII", "{fn ASCII('a')}", "97");
    call("CHAR", "{fn CHAR(65)}", "A");
    call("CONCAT", "{fn CONCAT('a', 'b')}", "ab");
    call("DIFFERENCE", "{fn DIFFERENCE('Robert', 'Rupert')}", "4");
    call("INSERT", "{fn INSERT('abcdef', 2, 3, 'XY')}", "aXYef");
    call("LCASE", "{fn LCASE('AB')}", "ab");
    call("LEFT", "{fn LEFT('abc', 2)}", "ab");
    call("LENGTH", "{fn LENGTH('abc')}", "3");
    call("LOCATE", "{fn LOCATE('b', 'abcb')}, {fn LOCATE('b', 'abcb', 3)}", "2; 4");
    call("LTRIM", "{fn LTRIM('  a')}", "a");
    call("REPEAT", "{fn REPEAT('ab', 2)}", "abab");
    call("REPLACE", "{fn REPLACE('abc', 'b', 'x')}", "axc");
    call("RIGHT", "{fn RIGHT('abc', 2)}", "bc");
    call("RTRIM", "{fn RTRIM('a  ')} || '|'", "a|");
    call("SOUNDEX", "{fn SOUNDEX('Robert')}", "R163");
    call("SPACE", "'|' || {fn SPACE(3)} || '|'", "|   |");
    call("SUBSTRING", "{fn SUBSTRING('abcdef', 2, 3)}", "bcd");
    call("UCASE", "{fn UCASE('ab')}", "AB");
    call("matches", "{fn matches('Refund please', 'REFUND')}", "true");
    call("CONVERT_TIMEZONE", "{fn CONVERT_TIMEZONE('UTC', 'America/New_York',"
        + " TIMESTAMP '2025-01-01 12:00:00')}, {fn CONVERT_TIMEZONE('Asia/Kolkata',"
        + " TIMESTAMP '2025-01-01 12:00:00')}", "2025-01-01 07:00:00.000; 2025-01-01 17:30:00.000");
    call("CURDATE", "{fn CURDATE()} = CURRENT_DATE", "true");
    call("CURTIME", "{fn CURTIME()} IS NOT NULL", "true");
    call("DAYNAME", "{fn DAYNAME(DATE '2025-01-01')}", "Wednesday");
    call("DAYOFMONTH", "{fn DAYOFMONTH(DATE '2025-01-05')}", "5");
    call("DAYOFWEEK", "{fn DAYOFWEEK(DATE '2025-01-01')}", "4");
    call("DAYOFYEAR", "{fn DAYOFYEAR(DATE '2025-02-01')}", "32");
    call("HOUR", "{fn HOUR(TIMESTAMP '2025-01-01 13:14:15')}", "13");
    call("MINUTE", "{fn MINUTE(TIMESTAMP '2025-01-01 13:14:15')}", "14");
    call("MONTH", "{fn MONTH(DATE '2025-03-01')}", "3");
    call("MONTHNAME", "{fn MONTHNAME(DATE '2025-03-01')}", "March");
    call("NOW", "{fn NOW()} IS NOT NULL", "true");
    call("QUARTER", "{fn QUARTER(DATE '2025-05-01')}", "2");
    call("SECOND", "{fn SECOND(TIMESTAMP '2025-01-01 13:14:15')}", "15");
    call("TIMESTAMPADD", "{fn TIMESTAMPADD(SQL_TSI_DAY, 1, TIMESTAMP '2025-01-01 00:00:00')}",
        "2025-01-02 00:00:00");
    call("TIMESTAMPDIFF", "{fn TIMESTAMPDIFF(SQL_TSI_DAY, TIMESTAMP '2025-01-01 00:00:00',"
        + " TIMESTAMP '2025-01-03 00:00:00')}", "2");
    call("TO_DATE", "{fn TO_DATE('2025-01-02', 'YYYY-MM-DD')}", "2025-01-02");
    call("TO_TIMESTAMP", "{fn TO_TIMESTAMP('2025-01-02 03:04:05', 'YYYY-MM-DD HH24:MI:SS')}",
        "2025-01-02 03:04:05");
    call("WEEK", "{fn WEEK(DATE '2025-01-10')}", "2");
    call("YEAR", "{fn YEAR(DATE '2025-01-10')}", "2025");
    call("convert_tz", "{fn convert_tz(TIMESTAMP '2025-01-01 12:00:00', 'UTC', '+5:30')}",
        "2025-01-01 17:30:00.000");
    call("CONVERT", "{fn CONVERT('5', SQL_INTEGER)} + 1", "6");
    call("DATABASE", "{fn DATABASE()} IS NOT NULL", "true");
    call("IFNULL", "{fn IFNULL(NULL, 'x')}", "x");
    call("USER", "{fn USER()} IS NOT NULL", "true");
    call("NVL", "{fn NVL(NULL, 'x')}", "x");
    call("LOG2", "{fn LOG2(8)}", "3.0");
    call("TRUNC", "{fn TRUNC(-7.45, 1)}, {fn TRUNC(TIMESTAMP '2025-08-10 13:14:15', 'MM')}",
        "-7.40; 2025-08-01 00:00:00");
    call("BTRIM", "{fn BTRIM('xyaxy', 'yx')}", "a");
    call("DAY", "{fn DAY(DATE '2025-01-05')}", "5");
  }

  /** Escapes whose plain form is other SQL: a keyword, JDBC's own syntax, another meaning. */
  private static final Set<String> ESCAPE_ONLY = Set.of("INSERT", "CONVERT", "DATABASE", "LOG");

  private static void call(String name, String sql, String row) {
    CALLS.put(name, new String[] {sql, row});
  }

  private static List<String> listed(DatabaseMetaData md) throws SQLException {
    List<String> names = new ArrayList<>();
    for (String list : List.of(md.getNumericFunctions(), md.getStringFunctions(),
        md.getTimeDateFunctions(), md.getSystemFunctions())) {
      names.addAll(List.of(list.split(",")));
    }
    return names;
  }

  @Test
  void everyListedFunctionRunsInAnEscapeAndAsPlainSql() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      List<String> names = listed(c.getMetaData());
      assertThat(names).containsAll(CALLS.keySet()).hasSize(CALLS.size());
      for (String name : names) {
        String[] call = CALLS.get(name);
        assertThat(DriverFixture.rows(c, "SELECT " + call[0])).as(call[0]).containsExactly(call[1]);
        if (!ESCAPE_ONLY.contains(name)) {
          String plain = plain(call[0]);
          assertThat(DriverFixture.rows(c, "SELECT " + plain)).as(plain).containsExactly(call[1]);
        }
      }
      // Calcite's escapes that no list names still read as JDBC's
      assertThat(DriverFixture.rows(c, "SELECT {fn REVERSE('abc')}, {fn TO_CHAR(DATE '2025-01-02',"
          + " 'YYYY')}, REVERSE('xyz')")).containsExactly("cba; 2025; zyx");
    }
  }

  @Test
  void underLexJavaFunctionNamesMatchInAnyCaseAsCalcitesBuiltInsDo() throws SQLException {
    try (Connection c = DriverFixture.connect("lex=JAVA")) {
      // Calcite's built-ins already did: upper, abs, initcap are UPPER, ABS, INITCAP
      assertThat(DriverFixture.rows(c, "SELECT upper('a'), Abs(-1), initcap('ab')")).containsExactly("A; 1; Ab");
      for (String name : listed(c.getMetaData())) {
        for (String spelled : List.of(name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
          // before: {fn ucase(…)} "Function '{fn ucase}' is not defined", dayname(…) "No match found
          // for function signature dayname(<DATE>)", MATCHES(…) and CONVERT_TZ(…) likewise
          String escaped = CALLS.get(name)[0].replace("{fn " + name + "(", "{fn " + spelled + "(");
          assertThat(DriverFixture.rows(c, "SELECT " + escaped)).as(escaped).containsExactly(CALLS.get(name)[1]);
          if (!ESCAPE_ONLY.contains(name)) {
            String plain = plain(escaped);
            assertThat(DriverFixture.rows(c, "SELECT " + plain)).as(plain).containsExactly(CALLS.get(name)[1]);
          }
        }
      }
      // PostgreSQL's, and the other names of FunctionSynonyms
      assertThat(DriverFixture.rows(c, "SELECT lpad('a', 3, '*'), split_part('a,b', ',', 2), strpos('abc', 'c'),"
          + " greatest(1, 2), md5('a') IS NOT NULL, ifnull(NULL, 1), Nvl(NULL, 2), lcase('A'),"
          + " monthname(DATE '2025-03-01'), reverse('ab'), convert_timezone('UTC', TIMESTAMP '2025-01-01 12:00:00')"))
          .containsExactly("**a; b; 3; 2; true; 1; 2; a; March; ba; 2025-01-01 12:00:00.000");
      // names of tables and columns stay case-sensitive
      assertThat(DriverFixture.queryFailure(c, "SELECT ID FROM pathsim.workspaces").getMessage())
          .contains("Column 'ID' not found");
    }
  }

  /**
   * Where a connection's names keep their case, a function spelled exactly as one is defined is
   * that one, also when another differs only in case; any case finds a function only where none is
   * spelled so. Before, under {@code lex=JAVA} {@code myfn(s)} ran the function added as
   * {@code MYFN}, and under {@code lex=ORACLE} the quoted {@code "myfn"(s)} did.
   */
  @Test
  void aFunctionSpelledExactlyIsTheOneOfThatSpellingWhereNamesKeepTheirCase() throws SQLException {
    for (String[] lex : new String[][] {{"lex=JAVA", "myfn"}, {"lex=ORACLE", "\"myfn\""}}) {
      try (Connection c = DriverFixture.connect(lex[0])) {
        org.apache.calcite.schema.SchemaPlus root =
            c.unwrap(org.apache.calcite.jdbc.CalciteConnection.class).getRootSchema();
        // two functions whose names differ only in case: hexadecimal and binary
        root.add("myfn", ScalarFunctionImpl.create(Integer.class, "toHexString"));
        root.add("MYFN", ScalarFunctionImpl.create(Integer.class, "toBinaryString"));
        root.add("onlylower", ScalarFunctionImpl.create(Integer.class, "toHexString"));
        assertThat(DriverFixture.rows(c, "SELECT " + lex[1] + "(10), MYFN(10), ONLYLOWER(10)"))
            .as(lex[0]).containsExactly("a; 1010; a");
      }
    }
  }

  private static String plain(String sql) {
    Matcher m = ESCAPE.matcher(sql);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
  }

  @Test
  void otherNamesAreTheFunctionsTheyNameWithTheirArgumentsChecked() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(DriverFixture.rows(c, "SELECT UCASE(NULL), LOCATE('x', 'abc'),"
          + " CONVERT_TIMEZONE('Europe/Berlin', 'UTC', TIMESTAMP '2025-07-01 12:00:00')"))
          .containsExactly("null; 0; 2025-07-01 10:00:00.000");
      assertThat(DriverFixture.queryFailure(c, "SELECT UCASE('a', 'b')").getMessage())
          .contains("Invalid number of arguments to function 'UCASE'. Was expecting 1 arguments");
      assertThat(DriverFixture.queryFailure(c, "SELECT CURDATE(1)").getMessage())
          .contains("Invalid number of arguments to function 'CURDATE'. Was expecting 0 arguments");
      SQLException zone = (SQLException) DriverFixture.queryFailure(c,
          "SELECT CONVERT_TIMEZONE('Mars/Olympus', 'UTC', TIMESTAMP '2025-01-01 12:00:00')");
      assertThat(zone.getSQLState()).isEqualTo("22023");
      assertThat(zone.getMessage()).contains("'Mars/Olympus' is not a time zone");
      assertThat(DriverFixture.queryFailure(c, "SELECT {fn NO_SUCH(1)}").getMessage())
          .contains("No match found for function signature NO_SUCH(<NUMERIC>)");
    }
  }

  @Test
  void dayAndMonthNamesFollowTheLocaleProperty() throws SQLException {
    try (Connection c = DriverFixture.connect("locale=de_DE")) {
      assertThat(DriverFixture.rows(c, "SELECT DAYNAME(DATE '2025-01-01'), MONTHNAME(DATE '2025-03-01')"))
          .containsExactly("Mittwoch; März");
    }
  }

  @Test
  void withStandardFunctionsTheEscapesStillRunAndTheListsSaySo() throws SQLException {
    try (Connection c = DriverFixture.connect("fun=standard")) {
      assertThat(listed(c.getMetaData())).doesNotContain("NVL", "CONVERT_TIMEZONE", "LOG2", "TRUNC", "BTRIM", "DAY")
          .contains("IFNULL", "convert_tz");
      assertThat(DriverFixture.rows(c, "SELECT {fn UCASE('ab')}, {fn DAYNAME(DATE '2025-01-01')},"
          + " {fn convert_tz(TIMESTAMP '2025-01-01 12:00:00', 'UTC', '+01:00')}"))
          .containsExactly("AB; Wednesday; 2025-01-01 13:00:00.000");
      assertThat(DriverFixture.queryFailure(c, "SELECT UCASE('ab')").getMessage())
          .contains("No match found for function signature UCASE");
    }
  }
}
