package io.convosql.driver;

import java.lang.reflect.Field;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a statement's warnings are kept (Avatica's own {@code getWarnings()} always answers null):
 * under the statement's cancel flag, the object Calcite passes to each of its executions, so a scan
 * files its warnings there and the statement ({@link StatementProxy}) reads them.
 */
final class WarningStatements {
  private static final Field CANCEL_FLAG = cancelFlagField();

  private WarningStatements() {}

  private static Field cancelFlagField() {
    try {
      Field f = AvaticaStatement.class.getDeclaredField("cancelFlag");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("this Avatica has no statement cancel flag", e);
    }
  }

  /** The statement's cancel flag, under which its warnings are filed. */
  static Object cancelFlag(Statement statement) {
    try {
      return CANCEL_FLAG.get(statement.unwrap(AvaticaStatement.class));
    } catch (ReflectiveOperationException | java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the statement's cancel flag", e);
    }
  }

  /** Our warnings, then Calcite's. */
  static @Nullable SQLWarning chain(@Nullable SQLWarning ours, @Nullable SQLWarning theirs) {
    if (ours == null) {
      return theirs;
    }
    if (theirs != null) {
      SQLWarning last = ours;
      while (last.getNextWarning() != null) {
        last = last.getNextWarning();
      }
      last.setNextWarning(theirs);
    }
    return ours;
  }
}
