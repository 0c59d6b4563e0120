package io.convosql.driver;

import java.util.List;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions of {@code fun=postgresql}, convosql's default: the table Calcite's
 * {@code SqlLibraryOperatorTableFactory} makes for it (the standard operators, then PostgreSQL's),
 * built from a list instead of by reflection. The factory finds a library's operators by reading an
 * annotation on each of its 500-odd fields, which on a JVM's first query cost about 20 ms of a
 * one-shot's 0.75 s; a list needs none of that. The same operator objects in the same order:
 * {@code PostgresqlFunctionsTest} fails, printing the new list, when a Calcite upgrade changes them.
 */
final class PostgresqlFunctions {
  /** The value of Calcite's {@code fun} property this table stands for. */
  static final String FUN = "postgresql";

  private PostgresqlFunctions() {}

  /** The table, made on first use. */
  static SqlOperatorTable table() {
    return Table.INSTANCE;
  }

  /** PostgreSQL's operators, in the order Calcite's factory lists them. */
  static List<SqlOperator> postgresqlOperators() {
    return Table.POSTGRESQL;
  }

  private static final class Table {
    static final List<SqlOperator> POSTGRESQL = List.of(
        SqlLibraryOperators.DATE_PART, SqlLibraryOperators.LENGTH, SqlLibraryOperators.LPAD,
        SqlLibraryOperators.RPAD, SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM,
        SqlLibraryOperators.SPLIT_PART, SqlLibraryOperators.STRPOS, SqlLibraryOperators.STRING_TO_ARRAY,
        SqlLibraryOperators.STARTS_WITH, SqlLibraryOperators.SUBSTR_POSTGRESQL,
        SqlLibraryOperators.GREATEST_PG, SqlLibraryOperators.LEAST_PG, SqlLibraryOperators.TRANSLATE3,
        SqlLibraryOperators.REGEXP_REPLACE_PG_3, SqlLibraryOperators.REGEXP_REPLACE_PG_4,
        SqlLibraryOperators.REGEXP_LIKE, SqlLibraryOperators.BOOL_AND, SqlLibraryOperators.BOOL_OR,
        SqlLibraryOperators.ARRAY_AGG, SqlLibraryOperators.ARRAY_CONCAT_AGG,
        SqlLibraryOperators.STRING_AGG, SqlLibraryOperators.LEFT, SqlLibraryOperators.REPEAT,
        SqlLibraryOperators.RIGHT, SqlLibraryOperators.SOUNDEX, SqlLibraryOperators.DIFFERENCE,
        SqlLibraryOperators.ILIKE, SqlLibraryOperators.NOT_ILIKE,
        SqlLibraryOperators.CONCAT_FUNCTION_WITH_NULL, SqlLibraryOperators.CONCAT_WS_POSTGRESQL,
        SqlLibraryOperators.TO_CHAR_PG, SqlLibraryOperators.TO_DATE_PG,
        SqlLibraryOperators.TO_TIMESTAMP_PG, SqlLibraryOperators.CHR, SqlLibraryOperators.TANH,
        SqlLibraryOperators.COTH, SqlLibraryOperators.COSH, SqlLibraryOperators.ACOSH,
        SqlLibraryOperators.ASINH, SqlLibraryOperators.ATANH, SqlLibraryOperators.COSD,
        SqlLibraryOperators.SIND, SqlLibraryOperators.TAND, SqlLibraryOperators.ACOSD,
        SqlLibraryOperators.ASIND, SqlLibraryOperators.ATAND, SqlLibraryOperators.SECH,
        SqlLibraryOperators.CSCH, SqlLibraryOperators.SINH, SqlLibraryOperators.CSC,
        SqlLibraryOperators.SEC, SqlLibraryOperators.MD5, SqlLibraryOperators.SHA1,
        SqlLibraryOperators.SHA256, SqlLibraryOperators.SHA512, SqlLibraryOperators.LOG_POSTGRES,
        SqlLibraryOperators.POWER_PG, SqlLibraryOperators.INFIX_CAST, SqlLibraryOperators.RANDOM);
    static final SqlOperatorTable INSTANCE =
        SqlOperatorTables.chain(SqlStdOperatorTable.instance(), SqlOperatorTables.of(POSTGRESQL));
  }
}
