package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every method of {@link DatabaseMetaData} answers, as a navigator (DBeaver) calls them all on
 * connect: none throws, a result set can be read to its end. None sends an API request.
 */
class MetadataContractTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(4, 2);

  /** A reasonable argument of each type a DatabaseMetaData method takes. */
  private static final Map<Class<?>, Object> ARGUMENTS = Map.of(
      int.class, ResultSet.TYPE_FORWARD_ONLY, boolean.class, true, String.class, "%",
      String[].class, new String[] {"TABLE"}, int[].class, new int[] {java.sql.Types.STRUCT});

  @Test
  void everyMethodAnswers() throws Exception {
    DatabaseMetaData md = QUIET.connection().getMetaData();
    List<String> failures = new ArrayList<>();
    int called = 0;
    for (Method m : DatabaseMetaData.class.getMethods()) {
      if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
        continue;
      }
      Object[] args = new Object[m.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = ARGUMENTS.get(m.getParameterTypes()[i]);
      }
      if (m.getName().matches("supportsConvert") && args.length == 2) {
        args = new Object[] {java.sql.Types.INTEGER, java.sql.Types.VARCHAR};
      }
      if (m.getName().matches("supportsTransactionIsolationLevel")) {
        args = new Object[] {Connection.TRANSACTION_NONE};
      }
      try {
        Object result = m.invoke(md, args);
        called++;
        if (result instanceof ResultSet rs) {
          try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int c = 1; c <= columns; c++) {
                rs.getObject(c);
              }
            }
          }
        }
      } catch (InvocationTargetException e) {
        failures.add(m.getName() + ": " + e.getCause());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(called).isGreaterThan(170);
  }

  @Test
  void holdabilityAndVisibilityAnswerAsAReadOnlyDriver() throws SQLException {
    DatabaseMetaData md = QUIET.connection().getMetaData();
    assertThat(md.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT)).isTrue();
    assertThat(md.deletesAreDetected(ResultSet.TYPE_FORWARD_ONLY)).isFalse();
    assertThat(md.ownUpdatesAreVisible(ResultSet.TYPE_FORWARD_ONLY)).isFalse();
    assertThat(md.getRowIdLifetime()).isEqualTo(RowIdLifetime.ROWID_UNSUPPORTED);
    assertThat(md.isReadOnly()).isTrue();
  }

  private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    return MetadataTest.rows(rs, columns);
  }

  @Test
  void thereAreNoCatalogsSoSchemasAreTheTopLevel() throws SQLException {
    DatabaseMetaData md = QUIET.connection().getMetaData();
    assertThat(rows(md.getCatalogs(), "TABLE_CAT")).isEmpty();
    assertThat(md.supportsCatalogsInTableDefinitions()).isFalse();
    assertThat(md.supportsCatalogsInDataManipulation()).isFalse();
    assertThat(rows(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
        .containsExactly("convosql|null", "insights|null", "pathsim|null");
    assertThat(rows(md.getTables(null, "pathsim", "steps", null), "TABLE_CAT", "TABLE_NAME"))
        .containsExactly("null|steps");
  }

  @Test
  void columnSizesAreTheTypesSizes() throws SQLException {
    DatabaseMetaData md = QUIET.connection().getMetaData();
    assertThat(rows(md.getColumns(null, "insights", "sessions", "%"), "COLUMN_NAME", "TYPE_NAME",
        "COLUMN_SIZE")).contains("id|VARCHAR|" + Integer.MAX_VALUE, "duration_ms|BIGINT|19",
        "session_start_time|TIMESTAMP|23");
    assertThat(rows(md.getColumns(null, "convosql", "requests", "%"), "COLUMN_NAME", "TYPE_NAME",
        "COLUMN_SIZE")).contains("status|INTEGER|10", "cache_hit|BOOLEAN|1");
    List<String> unknown = rows(md.getColumns(null, null, "%", "%"), "TABLE_NAME", "COLUMN_NAME",
        "COLUMN_SIZE");
    assertThat(unknown).noneMatch(r -> r.endsWith("|-1") || r.endsWith("|null"));
  }

  @Test
  void matchesAndConvertTzAreFunctionsWithTheirParameters() throws SQLException {
    DatabaseMetaData md = QUIET.connection().getMetaData();
    assertThat(rows(md.getFunctions(null, null, "%"), "FUNCTION_SCHEM", "FUNCTION_NAME",
        "FUNCTION_TYPE", "SPECIFIC_NAME")).containsExactly(
        "null|MEDIAN|" + DatabaseMetaData.functionNoTable + "|MEDIAN",
        "null|PERCENTILE_CONT|" + DatabaseMetaData.functionNoTable + "|PERCENTILE_CONT",
        "null|PERCENTILE_DISC|" + DatabaseMetaData.functionNoTable + "|PERCENTILE_DISC",
        "null|convert_tz|" + DatabaseMetaData.functionNoTable + "|convert_tz",
        "null|matches|" + DatabaseMetaData.functionNoTable + "|matches");
    assertThat(rows(md.getFunctions(null, null, "matches"), "REMARKS")).singleElement()
        .asString().startsWith("matches(text, words): true when any word of words");
    assertThat(rows(md.getFunctions(null, "pathsim", "%"), "FUNCTION_NAME")).isEmpty();
    assertThat(rows(md.getFunctionColumns(null, null, "matches", "%"), "COLUMN_NAME",
        "COLUMN_TYPE", "TYPE_NAME", "ORDINAL_POSITION")).containsExactly(
        "|" + DatabaseMetaData.functionReturn + "|BOOLEAN|0",
        "text|" + DatabaseMetaData.functionColumnIn + "|VARCHAR|1",
        "words|" + DatabaseMetaData.functionColumnIn + "|VARCHAR|2");
    assertThat(rows(md.getFunctionColumns(null, null, "convert_tz", "%"), "COLUMN_NAME",
        "COLUMN_TYPE", "TYPE_NAME", "ORDINAL_POSITION")).containsExactly(
        "|" + DatabaseMetaData.functionReturn + "|TIMESTAMP|0",
        "t|" + DatabaseMetaData.functionColumnIn + "|TIMESTAMP|1",
        "from_zone|" + DatabaseMetaData.functionColumnIn + "|VARCHAR|2",
        "to_zone|" + DatabaseMetaData.functionColumnIn + "|VARCHAR|3");
  }

  @Test
  void theUrlIsTheOneOpenedWithItsKeysMasked() throws SQLException {
    String url = OwnSandbox.url(QUIET.sandbox(), "requestsPerSecond=0");
    try (Connection c = java.sql.DriverManager.getConnection(url + ";password=hunter2")) {
      String shown = c.getMetaData().getURL();
      assertThat(shown).isEqualTo(url.replace(Sandbox.PATHSIM_KEY, "****")
          .replace(Sandbox.INSIGHTS_KEY, "****") + ";password=****");
      assertThat(shown).doesNotContain(Sandbox.PATHSIM_KEY, Sandbox.INSIGHTS_KEY, "hunter2");
    }
  }
}
