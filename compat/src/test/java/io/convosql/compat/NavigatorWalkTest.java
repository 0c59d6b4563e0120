package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calls DBeaver's navigator makes: {@code setClientInfo} on connect, every
 * {@code DatabaseMetaData} method (here all of them, reflectively, with the arguments a tool passes),
 * then the data tab's {@code SELECT *} with {@code setMaxRows(200)} on every table, whose requests
 * must stay bounded by the rows shown rather than the table's size.
 */
class NavigatorWalkTest {
  private static final int MAX_ROWS = 200;
  /** Most requests one data tab may send: a detail and a file per row shown, and the listing pages. */
  private static final int MOST_REQUESTS_PER_TABLE = 2 * MAX_ROWS + 30;
  /** Methods that take a table's own name rather than a pattern. */
  private static final Set<String> ONE_TABLE = Set.of("getPrimaryKeys", "getImportedKeys", "getExportedKeys",
      "getBestRowIdentifier", "getVersionColumns", "getIndexInfo", "getColumnPrivileges");
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = CompatSandbox.start(600, 300);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(CompatSandbox.url(sandbox));
  }

  @Test
  void setsClientInfoAsDbeaverDoesOnConnect() throws SQLException {
    try (Connection c = connect()) {
      c.setClientInfo("ApplicationName", "DBeaver 25.1.0 - Main <convosql>");
      Properties info = new Properties();
      info.setProperty("ApplicationName", "DBeaver 25.1.0 - Metadata <convosql>");
      c.setClientInfo(info);
      assertThat(c.getClientInfo()).isNotNull();
      assertThat(c.isValid(1)).isTrue();
    }
  }

  @Test
  void everyDatabaseMetaDataMethodAnswersWithoutARequest() throws Exception {
    List<String> failures = new ArrayList<>();
    int called = 0;
    sandbox.requests().clear();
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      Method[] methods = DatabaseMetaData.class.getMethods();
      Arrays.sort(methods, Comparator.comparing(Method::toString));
      for (Method m : methods) {
        if (Modifier.isStatic(m.getModifiers()) || m.getName().equals("unwrap")
            || m.getName().equals("isWrapperFor")) {
          continue;
        }
        called++;
        try {
          Object answer = m.invoke(md, arguments(m));
          if (answer instanceof ResultSet rs) {
            readAll(rs);
          }
        } catch (InvocationTargetException e) {
          failures.add(m.getName() + ": " + e.getCause());
        }
      }
      if (!c.equals(md.getConnection())) {
        failures.add("getConnection: not the connection the tool opened, " + md.getConnection());
      }
    }
    assertThat(called).isGreaterThan(170);
    assertThat(failures).isEmpty();
    assertThat(sandbox.requests().all()).isEmpty();
  }

  /**
   * What the navigator's tree shows: catalogs with names when tables are said to live in them,
   * column sizes, key columns that are not nullable, our functions, and the URL as opened with the
   * keys masked.
   */
  @Test
  void theNavigatorsTreeIsConsistent() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> catalogs = new ArrayList<>();
      try (ResultSet rs = md.getCatalogs()) {
        while (rs.next()) {
          catalogs.add(rs.getString("TABLE_CAT"));
        }
      }
      if (md.supportsCatalogsInTableDefinitions()) {
        assertThat(catalogs).isNotEmpty().doesNotContainNull();
      }
      Map<String, String> columns = new TreeMap<>();
      try (ResultSet rs = md.getColumns(null, "pathsim", "sessions", "%")) {
        while (rs.next()) {
          columns.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME") + " "
              + (rs.getInt("COLUMN_SIZE") > 0 ? "sized" : "size " + rs.getInt("COLUMN_SIZE")) + " "
              + rs.getString("IS_NULLABLE"));
        }
      }
      assertThat(columns).containsEntry("id", "VARCHAR sized NO")
          .containsEntry("duration_seconds", "INTEGER sized YES");
      List<String> functions = new ArrayList<>();
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        while (rs.next()) {
          functions.add(rs.getString("FUNCTION_NAME").toLowerCase(java.util.Locale.ROOT));
        }
      }
      assertThat(functions).contains("matches");
      assertThat(md.getURL()).startsWith("jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl())
          .doesNotContain(Sandbox.PATHSIM_KEY).doesNotContain(Sandbox.INSIGHTS_KEY);
    }
  }

  /** The arguments a tool passes: schema pathsim and table sessions where one table is meant. */
  private static Object[] arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    List<String> strings = m.getName().equals("getCrossReference")
        ? List.of("", "pathsim", "sessions", "", "pathsim", "steps")
        : ONE_TABLE.contains(m.getName()) ? List.of("", "pathsim", "sessions", "%")
        : List.of("", "%", "%", "%");
    int s = 0;
    int ints = 0;
    for (int i = 0; i < types.length; i++) {
      if (types[i] == String.class) {
        String v = strings.get(Math.min(s++, strings.size() - 1));
        args[i] = v.isEmpty() ? null : v;
      } else if (types[i] == int.class) {
        args[i] = intArgument(m.getName(), ints++);
      } else if (types[i] == boolean.class) {
        args[i] = m.getName().equals("getIndexInfo") && i == types.length - 1; // approximate
      } else {
        args[i] = null; // String[] and int[] types: all of them
      }
    }
    return args;
  }

  private static int intArgument(String method, int position) {
    switch (method) {
      case "supportsConvert":
        return position == 0 ? Types.VARCHAR : Types.INTEGER;
      case "supportsResultSetConcurrency":
        return position == 0 ? ResultSet.TYPE_FORWARD_ONLY : ResultSet.CONCUR_READ_ONLY;
      case "supportsResultSetHoldability":
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
      case "supportsTransactionIsolationLevel":
        return Connection.TRANSACTION_NONE;
      case "getBestRowIdentifier":
        return DatabaseMetaData.bestRowSession;
      default:
        return ResultSet.TYPE_FORWARD_ONLY; // supportsResultSetType, ownUpdatesAreVisible, ...
    }
  }

  private static int readAll(ResultSet rs) throws SQLException {
    int rows = 0;
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getString(i);
        }
        rows++;
      }
    }
    return rows;
  }

  @Test
  void theDataTabOfEveryTableIsBoundedByMaxRows() throws SQLException {
    Map<String, Integer> requests = new TreeMap<>();
    Map<String, Integer> rows = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    try (Connection c = connect()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("pathsim.sessions", "pathsim.recordings", "insights.sessions");
      for (String table : tables) {
        sandbox.requests().clear();
        try (Statement s = c.createStatement()) {
          s.setMaxRows(MAX_ROWS);
          rows.put(table, readAll(s.executeQuery("SELECT * FROM " + table)));
        } catch (SQLException e) {
          failures.add(table + ": " + e.getSQLState() + " " + e.getMessage());
        }
        requests.put(table, sandbox.requests().all().size());
      }
    }
    // recordings' file column is one download per row on top of one detail request per session:
    // 200 rows cost some 400 requests, more than the default request budget, so the data tab shows
    // the budget's error, which names the property, before any file is downloaded (issue 14, item 12)
    assertThat(failures).singleElement().asString()
        .startsWith("pathsim.recordings: 54000 ").contains("maxRequestsPerStatement");
    assertThat(requests.get("pathsim.recordings")).as("requests before the refusal").isLessThan(10);
    assertThat(rows.values()).allMatch(n -> n <= MAX_ROWS);
    assertThat(rows.get("pathsim.sessions")).isEqualTo(MAX_ROWS);
    assertThat(requests).as("requests per table").allSatisfy((table, n) ->
        assertThat(n).as(table).isLessThanOrEqualTo(MOST_REQUESTS_PER_TABLE));
  }
}
