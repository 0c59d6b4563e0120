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
 * signature"). Under the default {@code lex=MYSQL_ANSI} every name already matches in any case, so
 * nothing changes there; names of tables and columns keep the connection's rule.
 */
final class AnyCaseFunctions implements SqlOperatorTable {
  private static final SqlNameMatcher ANY_CASE = SqlNameMatchers.withCaseSensitive(false);

  private final SqlOperatorTable functions;

  private AnyCaseFunctions(SqlOperatorTable functions) {
    this.functions = functions;
  }

  /** The functions of {@code table}, found by a name in any case. */
  static SqlOperatorTable of(SqlOperatorTable table) {
    return new AnyCaseFunctions(table);
  }

  /** The functions of the schemas {@code reader} reads, found by a name in any case. */
  static SqlOperatorTable of(CalciteCatalogReader reader) {
    return reader.nameMatcher().isCaseSensitive() ? new AnyCaseReader(reader) : reader;
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> found, SqlNameMatcher matcher) {
    functions.lookupOperatorOverloads(name, category, syntax, found, ANY_CASE);
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return functions.getOperatorList();
  }

  /** The reader's function look-up, in any case (Calcite's reader matches as its own matcher says). */
  private static final class AnyCaseReader extends CalciteCatalogReader {
    AnyCaseReader(CalciteCatalogReader reader) {
      super(reader.getRootSchema(), ANY_CASE, reader.getSchemaPaths(), reader.getTypeFactory(),
          reader.getConfig());
    }
  }
}
