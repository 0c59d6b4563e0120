package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Functions from other databases that users type by habit, added to the default functions
 * ({@code fun=postgresql}), where PostgreSQL has none of these names (or, for {@code reverse}, the
 * same meaning), so nothing PostgreSQL users write changes meaning: MySQL's {@code IFNULL},
 * {@code GROUP_CONCAT}, {@code DAYNAME}, {@code MONTHNAME}, {@code SPACE} and {@code CHAR}, Oracle's
 * {@code NVL}, as Calcite's libraries define them, and the other names of {@link FunctionSynonyms};
 * PostgreSQL's and Oracle's {@code TRUNC} ({@link TruncFunction}); PostgreSQL's {@code LTRIM} and
 * {@code RTRIM} with the characters to strip; its {@code LEFT} and {@code RIGHT} of a negative count
 * ({@link LeftRight}); and a CURRENT_SCHEMA that runs ({@link SessionFunctions}).
 * Before, each failed with "No match found for function signature".
 * SQL Server's {@code DATEDIFF} is not one of them: it counts unit boundaries crossed, which no
 * function here does, so its error names {@code TIMESTAMPDIFF} instead ({@link OtherDialects}).
 */
final class HabitFunctions {
  private HabitFunctions() {}

  /** The default functions with these added after them. */
  static SqlOperatorTable withDefaults() {
    return Table.INSTANCE;
  }

  /** The functions added. */
  static List<SqlOperator> added() {
    return Table.ADDED;
  }

  private static final class Table {
    static final List<SqlOperator> ADDED = added();

    private static List<SqlOperator> added() {
      List<SqlOperator> added = new ArrayList<>(List.of(SqlLibraryOperators.IFNULL,
          SqlLibraryOperators.NVL, SqlLibraryOperators.GROUP_CONCAT, SqlLibraryOperators.DAYNAME,
          SqlLibraryOperators.MONTHNAME, SqlLibraryOperators.SPACE, SqlLibraryOperators.CHAR,
          SqlLibraryOperators.REVERSE, TruncFunction.TRUNC));
      added.addAll(FunctionSynonyms.operators());
      return List.copyOf(added);
    }

    static final SqlOperatorTable INSTANCE =
        SqlOperatorTables.chain(LeftRight.replacing(FunctionSynonyms.withTrims(
            SessionFunctions.replacing(PostgresqlFunctions.table()))), SqlOperatorTables.of(ADDED));
  }
}
