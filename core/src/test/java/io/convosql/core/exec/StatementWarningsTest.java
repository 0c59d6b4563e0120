package io.convosql.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLWarning;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.Test;

/** Warnings are kept per statement (its cancel flag), without repeats, until cleared. */
class StatementWarningsTest {
  private static DataContext execution(AtomicBoolean flag) {
    Map<String, Object> values = flag == null ? Map.of() : Map.of(DataContext.Variable.CANCEL_FLAG.camelName, flag);
    return new DataContext() {
      @Override
      public SchemaPlus getRootSchema() {
        return null;
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        return null;
      }

      @Override
      public QueryProvider getQueryProvider() {
        return null;
      }

      @Override
      public Object get(String name) {
        return values.get(name);
      }
    };
  }

  @Test
  void eachStatementHasItsOwnChainWithoutRepeats() {
    StatementWarnings warnings = new StatementWarnings();
    AtomicBoolean first = new AtomicBoolean();
    AtomicBoolean second = new AtomicBoolean();
    warnings.warn(execution(first), new SQLWarning("read only 60 days", "01000"));
    warnings.warn(execution(first), new SQLWarning("read only 60 days", "01000"));
    warnings.warn(execution(first), new SQLWarning("another", "01000"));
    warnings.warn(execution(second), new SQLWarning("for the second", "01000"));
    assertThat(messages(warnings.get(first))).isEqualTo("read only 60 days; another");
    assertThat(messages(warnings.get(second))).isEqualTo("for the second");
    warnings.clear(first);
    assertThat(messages(warnings.get(first))).isEmpty();
    assertThat(messages(warnings.get(second))).isEqualTo("for the second");
  }

  @Test
  void aWarningOutsideAStatementIsDropped() {
    StatementWarnings warnings = new StatementWarnings();
    warnings.warn(execution(null), new SQLWarning("nobody reads this"));
    assertThat(messages(warnings.get(new AtomicBoolean()))).isEmpty();
  }

  private static String messages(SQLWarning chain) {
    StringBuilder b = new StringBuilder();
    for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
      b.append(b.length() == 0 ? "" : "; ").append(w.getMessage());
    }
    return b.toString();
  }
}
