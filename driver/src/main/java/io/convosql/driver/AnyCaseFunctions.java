package io.convosql.driver;

import java.util.List;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Function names that match in any case, as Calcite matches its standard functions' even where
 * identifiers keep their case ({@code lex=JAVA}): there, PostgreSQL's functions ({@code lpad}), the
 * other databases' ({@code nvl}, {@code ucase}, {@code dayname}) and the schema's ({@code MATCHES},
 * {@code CONVERT_TZ}) were found only as spelled in their definition ("No match found for function
 * signature"). A function spelled exactly as one is defined is still that one. Under the default
 * {@code lex=MYSQL_ANSI} every name already matches in any case, so nothing changes there; names of
 * tables and columns keep the connection's rule.
 */
final class AnyCaseFunctions implements SqlOperatorTable {
  private static final SqlNameMatcher ANY_CASE = SqlNameMatchers.withCaseSensitive(false);

  /** The functions as the connection's rule finds them. */
  private final SqlOperatorTable exact;
  /** The same functions, found by a name in any case. */
  private final SqlOperatorTable anyCase;

  private AnyCaseFunctions(SqlOperatorTable exact, SqlOperatorTable anyCase) {
    this.exact = exact;
    this.anyCase = anyCase;
  }

  /** The functions of {@code table}, found by a name in any case. */
  static SqlOperatorTable of(SqlOperatorTable table) {
    return new AnyCaseFunctions(table, table);
  }

  /** The functions of the schemas {@code reader} reads, found by a name in any case. */
  static SqlOperatorTable of(CalciteCatalogReader reader) {
    return reader.nameMatcher().isCaseSensitive()
        ? new AnyCaseFunctions(reader, new AnyCaseReader(reader)) : reader;
  }

  /**
   * The functions spelled as {@code name} is, as the connection's rule matches them; only when there
   * are none, those whose name differs in case: where two differ only in case ({@code myfn} and
   * {@code MYFN}), each is called by its own spelling, as before.
   */
  @Override
  public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> found, SqlNameMatcher matcher) {
    int before = found.size();
    exact.lookupOperatorOverloads(name, category, syntax, found, matcher);
    if (found.size() == before && matcher.isCaseSensitive()) {
      anyCase.lookupOperatorOverloads(name, category, syntax, found, ANY_CASE);
    }
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return exact.getOperatorList();
  }

  /** The reader's function look-up, in any case (Calcite's reader matches as its own matcher says). */
  private static final class AnyCaseReader extends CalciteCatalogReader {
    AnyCaseReader(CalciteCatalogReader reader) {
      super(reader.getRootSchema(), ANY_CASE, reader.getSchemaPaths(), reader.getTypeFactory(),
          reader.getConfig());
    }
  }
}
