package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.OwnSandbox.Outcome;
import io.convosql.sandbox.Faults;
import io.convosql.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API keys appear nowhere a user, a log or a terminal could see them: not in the request log at
 * its most verbose ({@code httpLog=BODY}) while faults are retried, not in any message or stack
 * trace (wrong keys, unreachable hosts, an API that echoes the request's headers back in its
 * errors), not in warnings, metadata, {@code toString()}, EXPLAIN output or
 * {@code getPropertyInfo}, and not in what the shell prints or writes to its history.
 */
class KeyLeakTest {
  private static final String WRONG_PATHSIM_KEY = "wrong-pathsim-key-7f3a";
  private static final String WRONG_INSIGHTS_KEY = "wrong-insights-key-91c2";
  private static final String[] SECRETS = {
      Sandbox.PATHSIM_KEY, Sandbox.INSIGHTS_KEY, WRONG_PATHSIM_KEY, WRONG_INSIGHTS_KEY};
  private static final String[] LOGGED = {"httpLog=BODY", "retryMaxAttempts=10",
      "retryBackoffMillis=1", "retryMaxBackoffMillis=20"};

  private static Sandbox sandbox;
  private static EchoServer echo;

  @TempDir
  static Path home;

  @BeforeAll
  static void start() throws IOException {
    sandbox = OwnSandbox.start(200, 20);
    echo = new EchoServer();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    echo.close();
  }

  private static void addWarnings(LeakWatch watch, String label, SQLWarning w) {
    for (; w != null; w = w.getNextWarning()) {
      watch.add(label, w.getSQLState() + " " + w.getMessage());
      watch.add(w);
    }
  }

  /** Runs a query, adding its rows, warnings and any failure to what was seen. */
  private static void see(LeakWatch watch, Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      watch.add("statement", s);
      Outcome o = OwnSandbox.run(s, sql);
      watch.add("rows", o.rows());
      if (o.failed()) {
        watch.add(o.failure());
      }
      addWarnings(watch, "warning", s.getWarnings());
    }
  }

  @Test
  void queriesThroughFaultsLoggedWithTheirBodiesShowNoKey() throws Exception {
    long faults = sandbox.faultsInjected();
    String seen = null;
    sandbox.setFaults(Faults.builder().rate(0.25).seed(5).retryAfterSeconds(0).build());
    try (LeakWatch watch = new LeakWatch();
        Connection c = OwnSandbox.connect(sandbox, LOGGED)) {
      List<String> queries = FaultSuiteQueries.of(sandbox);
      for (int i = 0; i < queries.size(); i += 4) {
        see(watch, c, queries.get(i));
      }
      // no lower bound on session_start_time: a warning naming the window read
      see(watch, c, "SELECT COUNT(*) FROM insights.tags");
      see(watch, c, "EXPLAIN PLAN FOR SELECT id, summary FROM pathsim.sessions"
          + " WHERE test_type = 'Voice' AND started_at >= TIMESTAMP '2025-08-01 00:00:00' LIMIT 5");
      see(watch, c, "EXPLAIN PLAN FOR SELECT agent_name, COUNT(*) FROM insights.sessions"
          + " WHERE channel = 'voice' AND " + OwnSandbox.INSIGHTS_RANGE + " GROUP BY agent_name");
      try (PreparedStatement p = c.prepareStatement(
          "SELECT id FROM pathsim.sessions WHERE workspace_id = ? ORDER BY started_at LIMIT 3")) {
        p.setString(1, OwnSandbox.busiestWorkspace(sandbox));
        watch.add("prepared", p);
        try (ResultSet rs = p.executeQuery()) {
          watch.add("result set", rs);
          addWarnings(watch, "result set warning", rs.getWarnings());
        }
      }
      DatabaseMetaData md = c.getMetaData();
      watch.add("metadata", md + " " + md.getURL() + " " + md.getUserName() + " "
          + md.getDriverName() + " " + md.getDriverVersion());
      watch.add("connection", c + " " + c.getClientInfo() + " " + c.getCatalog() + " "
          + c.getSchema());
      watch.add("calcite properties", c.unwrap(CalciteConnection.class).getProperties());
      addWarnings(watch, "connection warning", c.getWarnings());
      // the URL as opened, each key masked (the watch checks no key shows anywhere)
      assertThat(md.getURL()).isEqualTo(OwnSandbox.url(sandbox, LOGGED)
          .replace(Sandbox.PATHSIM_KEY, "****").replace(Sandbox.INSIGHTS_KEY, "****"));

      assertThat(watch.text()).as("the request log ran at BODY level")
          .contains("PathSim --> GET").contains("Insights --> GET")
          .contains("Authorization: ██").contains("X-Vgai-Key: ██")
          .contains("\"success\":true")
          .contains("lookbackDays=60");
      assertThat(sandbox.faultsInjected()).as("faults were met").isGreaterThan(faults + 5);
      watch.assertNowhere(SECRETS);
      seen = watch.records() + " log records, " + watch.text().length() + " characters";
    } finally {
      sandbox.clearFaults();
    }
    System.out.printf("KeyLeakTest: %d faults met, %s seen, no key%n",
        sandbox.faultsInjected() - faults, seen);
  }

  /** Opens a connection (which may fail), runs the query (which should fail), adds all of it. */
  private static void seeFailure(LeakWatch watch, String url, String sql) {
    try (Connection c = DriverManager.getConnection(url)) {
      watch.add("connection", c);
      Outcome o = OwnSandbox.run(c, sql);
      assertThat(o.failed()).as("should fail: " + sql + " on " + Shell.redact(url)).isTrue();
      watch.add(o.failure());
    } catch (SQLException e) {
      watch.add(e);
    }
  }

  private static String keys(String pathSimKey, String insightsKey) {
    return "pathsim.apiKey=" + pathSimKey + ";insights.apiKey=" + insightsKey;
  }

  @Test
  void failuresShowNoKey() {
    String workspaces = "SELECT name FROM pathsim.workspaces";
    String agents = "SELECT id FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE;
    String closed = "http://127.0.0.1:" + OwnSandbox.closedPort();
    try (LeakWatch watch = new LeakWatch()) {
      String wrong = ConvoSqlDriver.PREFIX + "httpLog=BODY;pathsim.url=" + sandbox.pathSimUrl()
          + ";insights.url=" + sandbox.insightsUrl() + ";"
          + keys(WRONG_PATHSIM_KEY, WRONG_INSIGHTS_KEY);
      seeFailure(watch, wrong, workspaces);
      seeFailure(watch, wrong, agents);
      String unreachable = ConvoSqlDriver.PREFIX + "httpLog=BODY;retryMaxAttempts=2;pathsim.url="
          + closed + "/v1;insights.url=" + closed + ";" + keys(Sandbox.PATHSIM_KEY,
          Sandbox.INSIGHTS_KEY);
      seeFailure(watch, unreachable, workspaces);
      seeFailure(watch, unreachable, agents);
      for (int status : new int[] {400, 401, 500, 200}) {
        String careless = ConvoSqlDriver.PREFIX + "httpLog=BODY;retryMaxAttempts=2;"
            + "retryBackoffMillis=1;retryMaxBackoffMillis=5;pathsim.url=" + echo.url(status)
            + "/v1;insights.url=" + echo.url(status) + ";"
            + keys(Sandbox.PATHSIM_KEY, Sandbox.INSIGHTS_KEY);
        seeFailure(watch, careless, workspaces);
        seeFailure(watch, careless, agents);
      }
      String unknownPath = ConvoSqlDriver.PREFIX + "httpLog=BODY;pathsim.url="
          + sandbox.pathSimUrl() + "/nope;" + keys(Sandbox.PATHSIM_KEY, Sandbox.INSIGHTS_KEY);
      seeFailure(watch, unknownPath, workspaces);
      String withKeys = OwnSandbox.url(sandbox, "httpLog=BODY");
      seeFailure(watch, withKeys, "SELEC name FROM pathsim.workspaces");
      seeFailure(watch, withKeys, "SELECT nope FROM insights.tags");
      // connections that cannot open, their URL holding both keys
      seeFailure(watch, withKeys + ";bogus=1", workspaces);
      seeFailure(watch, withKeys + ";pathsim.apikey=x", workspaces);
      seeFailure(watch, withKeys + ";requestsPerSecond=fast", workspaces);
      seeFailure(watch, ConvoSqlDriver.PREFIX + "pathsim.url=http://api.example.com/v1;"
          + keys(Sandbox.PATHSIM_KEY, Sandbox.INSIGHTS_KEY), workspaces);

      assertThat(watch.text()).contains("PathSim rejected the API key")
          .contains("could not connect").contains("the answer is not valid JSON")
          .contains("malformed request").contains("Invalid or missing credentials")
          .contains("Authorization: Bearer ****").contains("Unknown connection property 'bogus'");
      watch.assertNowhere(SECRETS);
    }
  }

  @Test
  void propertyInfoShowsNoKey() throws SQLException {
    Properties info = new Properties();
    info.setProperty("insights.apiKey", Sandbox.INSIGHTS_KEY);
    try (LeakWatch watch = new LeakWatch()) {
      DriverPropertyInfo[] all = new ConvoSqlDriver().getPropertyInfo(
          OwnSandbox.url(sandbox), info);
      for (DriverPropertyInfo p : all) {
        watch.add(p.name, p.value + " " + p.description + " " + p.required + " "
            + Arrays.toString(p.choices));
      }
      assertThat(all).extracting(p -> p.name).contains("pathsim.apiKey", "insights.apiKey");
      watch.assertNowhere(SECRETS);
    }
  }

  /** Runs the shell in-process with its home and history in a temporary directory. */
  private static String shell(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String userHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      String[] all = Stream.concat(Stream.of(args),
          Stream.of("--historyFile=" + home.resolve("history"))).toArray(String[]::new);
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
      int exit = Shell.run(all, print, print);
      return "exit " + exit + ": " + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setProperty("user.home", userHome);
    }
  }

  @Test
  void theShellShowsNoKey() throws IOException {
    String url = OwnSandbox.url(sandbox);
    try (LeakWatch watch = new LeakWatch()) {
      String ok = shell("--url", url, "-e", "SELECT COUNT(*) AS n FROM pathsim.workspaces");
      watch.add("shell", ok);
      assertThat(ok).startsWith("exit 0").contains("| 5 ");
      watch.add("shell", shell("--url", url, "--verbose=true", "-e",
          "SELECT id FROM insights.sessions WHERE " + OwnSandbox.INSIGHTS_RANGE + " LIMIT 2"));
      String list = shell("--url", url, "--verbose=true", "-e", "!list");
      watch.add("shell", list);
      assertThat(list).as("sqlline shows the URL, masked").contains("pathsim.apiKey=****")
          .contains("Connecting to jdbc:convosql:pathsim.url=");
      watch.add("shell", shell("--url", url, "--verbose=true", "-e", "SELECT nope"));
      String failing = shell("--url", ConvoSqlDriver.PREFIX + "pathsim.url=" + echo.url(400)
          + "/v1;" + keys(Sandbox.PATHSIM_KEY, Sandbox.INSIGHTS_KEY), "--verbose=true", "-e",
          "SELECT name FROM pathsim.workspaces");
      watch.add("shell", failing);
      assertThat(failing).startsWith("exit 1").contains("malformed request");
      try (Stream<Path> files = Files.walk(home)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          watch.add("file " + f, Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
      watch.assertNowhere(SECRETS);
    }
  }
}
