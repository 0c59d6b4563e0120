package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function the connection names (DatabaseMetaData's four lists and getFunctions), called with
 * one, two and three bare NULLs, plain and in JDBC's escape: it is NULL, as PostgreSQL's functions of
 * an untyped NULL are, or refused at validation (42000) for a count of arguments it does not take or
 * a NULL where a unit or a time must be. Before, ABS, ROUND, SIGN and TRUNCATE of NULL failed with
 * 0A000 ("ABS is not supported here"), SUBSTR with HY000, and UPPER, TRIM, FLOOR were NULL columns of
 * type NULL.
 */
class NullArgumentsTest {
  /** Functions that are not NULL for NULL arguments, and what they give. */
  private static final Map<String, String> NOT_NULL = Map.of(
      "SELECT CONCAT(NULL)", "", // PostgreSQL's concat leaves NULLs out
      "SELECT CONCAT(NULL, NULL)", "",
      "SELECT CONCAT(NULL, NULL, NULL)", "",
      "SELECT RAND(NULL)", "0.0", // Calcite's RAND of a NULL seed, as it was
      "SELECT {fn RAND(NULL)}", "0.0");

  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  static List<String> names() throws SQLException {
    TreeSet<String> names = new TreeSet<>();
    try (Connection c = DriverFixture.connect()) {
      DatabaseMetaData md = c.getMetaData();
      for (String list : List.of(md.getNumericFunctions(), md.getStringFunctions(),
          md.getTimeDateFunctions(), md.getSystemFunctions())) {
        names.addAll(List.of(list.split(",")));
      }
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        while (rs.next()) {
          names.add(rs.getString("FUNCTION_NAME"));
        }
      }
    }
    // PostgreSQL's, which the default functions hold and no list names
    names.addAll(List.of("UPPER", "LOWER", "TRIM", "INITCAP", "CHAR_LENGTH", "OCTET_LENGTH", "REVERSE",
        "MD5", "LPAD", "RPAD", "SPLIT_PART", "STRPOS", "SUBSTR", "TRANSLATE", "REGEXP_REPLACE", "CHR",
        "CEIL", "LN", "SINH", "COSH", "TANH", "GREATEST", "LEAST", "COALESCE", "NULLIF", "CONCAT_WS"));
    return new ArrayList<>(names);
  }

  /** What the SQL gave: {@code value :: column type}, or {@code SQLState message}. */
  private static String outcome(String sql) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      String type = s.getMetaData().getColumnTypeName(1);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as(sql).isTrue();
        return rs.getString(1) + " :: " + type;
      }
    } catch (SQLException e) {
      return e.getSQLState() + " " + e.getMessage();
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void aFunctionOfBareNullsIsNullOrRefusedAtValidation(String name) {
    int ran = 0;
    for (int n = 1; n <= 3; n++) {
      String args = String.join(", ", Collections.nCopies(n, "NULL"));
      for (String sql : List.of("SELECT " + name + "(" + args + ")", "SELECT {fn " + name + "(" + args + ")}")) {
        String outcome = outcome(sql);
        if (outcome.startsWith("42000 ")) {
          continue; // an arity it does not take, a NULL unit or time: PostgreSQL refuses those too
        }
        ran++;
        assertThat(outcome).as(sql).doesNotStartWith("0A000").doesNotStartWith("HY000").contains(" :: ");
        String value = outcome.substring(0, outcome.indexOf(" :: "));
        String type = outcome.substring(outcome.indexOf(" :: ") + 4);
        assertThat(value).as(sql).isEqualTo(NOT_NULL.getOrDefault(sql, "null"));
        // COALESCE, NULLIF, GREATEST, … of NULLs too: text, as in PostgreSQL (TextNulls); but
        // COALESCE(NULL) is its one operand, a bare NULL, which keeps its type as SELECT NULL does
        if (!sql.equals("SELECT COALESCE(NULL)") && !sql.equals("SELECT {fn COALESCE(NULL)}")) {
          assertThat(type).as(sql).isNotEqualTo("NULL");
        }
      }
    }
    if (Set.of("ABS", "ROUND", "SIGN", "TRUNCATE", "UPPER", "SUBSTR", "SOUNDEX").contains(name)) {
      assertThat(ran).as(name).isPositive();
    }
  }

  /**
   * The types of what was 0A000, HY000 or a column of type NULL: PostgreSQL's of an untyped NULL, a
   * double precision for a number function, text for a text function, numeric for ROUND(NULL, NULL).
   */
  @Test
  void aFunctionOfABareNullIsANullOfPostgresqlsType() {
    assertThat(outcome("SELECT ABS(NULL)")).isEqualTo("null :: DOUBLE"); // before: 0A000 ABS is not supported here
    assertThat(outcome("SELECT {fn ABS(NULL)}")).isEqualTo("null :: DOUBLE");
    assertThat(outcome("SELECT ROUND(NULL)")).isEqualTo("null :: DOUBLE");
    assertThat(outcome("SELECT ROUND(NULL, NULL)")).isEqualTo("null :: DECIMAL");
    assertThat(outcome("SELECT {fn ROUND(NULL, NULL)}")).isEqualTo("null :: DECIMAL"); // before: 42000
    assertThat(outcome("SELECT ROUND(NULL, 2)")).isEqualTo("null :: DOUBLE");
    assertThat(outcome("SELECT ROUND(2.5, NULL)")).isEqualTo("null :: DECIMAL"); // before: 0A000
    assertThat(outcome("SELECT SIGN(NULL)")).isEqualTo("null :: DOUBLE");
    assertThat(outcome("SELECT {fn TRUNCATE(NULL, NULL)}")).isEqualTo("null :: DECIMAL");
    assertThat(outcome("SELECT FLOOR(NULL)")).isEqualTo("null :: DOUBLE"); // before: type NULL
    assertThat(outcome("SELECT UPPER(NULL)")).isEqualTo("null :: VARCHAR");
    assertThat(outcome("SELECT {fn UCASE(NULL)}")).isEqualTo("null :: VARCHAR");
    assertThat(outcome("SELECT TRIM(NULL)")).isEqualTo("null :: VARCHAR");
    assertThat(outcome("SELECT LEFT(NULL, 2)")).isEqualTo("null :: VARCHAR");
    assertThat(outcome("SELECT SUBSTR(NULL, NULL)")).isEqualTo("null :: VARCHAR"); // before: HY000
    assertThat(outcome("SELECT UPPER(LOWER(NULL)) || 'x'")).isEqualTo("null :: VARCHAR");
  }

  /** Typed NULLs, NULLs beside values and the functions that are not NULL of NULL are as before. */
  @Test
  void otherCallsAreAsBefore() throws SQLException {
    assertThat(DriverFixture.rows(connection, "SELECT ABS(CAST(NULL AS INTEGER)), ABS(-2), ROUND(2.5),"
        + " CONCAT('a', NULL), COALESCE(NULL, 'x'), NULLIF(NULL, 1), {fn IFNULL(NULL, 'y')},"
        + " UPPER(name), ROUND(LENGTH(name) / 2.0, NULL) FROM pathsim.workspaces WHERE name = 'Staging'"))
        .containsExactly("null; 2; 3.0; a; x; null; y; STAGING; null");
    try (PreparedStatement s = connection.prepareStatement("SELECT ABS(CAST(NULL AS INTEGER)), CONCAT(NULL, NULL)")) {
      assertThat(s.getMetaData().getColumnTypeName(1)).isEqualTo("INTEGER");
      assertThat(s.getMetaData().getColumnTypeName(2)).isEqualTo("VARCHAR");
    }
  }
}
