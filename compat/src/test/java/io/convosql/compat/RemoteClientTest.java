package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Workspace;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avatica's remote driver, loaded alone (avatica-core and its own dependencies, in a class loader
 * of its own, so no convosql or Calcite class is visible to it), against {@code serve} run as users
 * run it: {@code io.convosql.driver.Shell serve} in a JVM of its own, with the keys in a properties
 * file. The client sees the rows, the keys, warnings, SQLStates and the product the embedded driver
 * shows.
 */
class RemoteClientTest {
  private static final String PASSWORD = "correct-horse-battery";
  /** The server's time-out for every statement: longer than any other query here takes. */
  private static final int QUERY_TIMEOUT_SECONDS = 8;
  /** The jars a JVM with only avatica-core holds: it and its runtime dependencies. */
  private static final Pattern CLIENT_JARS = Pattern.compile(
      "(avatica-core|avatica-metrics|jackson-(core|databind|annotations)|protobuf-java|joou-java-6"
          + "|httpclient5|httpcore5(-h2)?|slf4j-api)-[0-9].*\\.jar");
  @TempDir
  static Path dir;
  private static Sandbox sandbox;
  private static Process server;
  private static Driver driver;
  private static URLClassLoader client;
  private static String url;

  @BeforeAll
  static void start() throws Exception {
    sandbox = CompatSandbox.start(200, 50);
    Path users = Files.writeString(dir.resolve("users.properties"), "alice: " + PASSWORD + "\n");
    Path props = Files.writeString(dir.resolve("convosql.properties"), String.join("\n",
        "pathsim.url=" + sandbox.pathSimUrl(), "pathsim.apiKey=" + Sandbox.PATHSIM_KEY,
        "insights.url=" + sandbox.insightsUrl(), "insights.apiKey=" + Sandbox.INSIGHTS_KEY,
        "requestsPerSecond=0", ""));
    Files.setPosixFilePermissions(props, PosixFilePermissions.fromString("rw-------"));
    Path out = dir.resolve("serve.out");
    server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "io.convosql.driver.Shell",
        "serve", "--port", "0", "--query-timeout", String.valueOf(QUERY_TIMEOUT_SECONDS),
        "--users", users.toString(), "--properties", props.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    Matcher m = Pattern.compile("convosql server on http://127\\.0\\.0\\.1:(\\d+)").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!m.reset(Files.readString(out)).find()) {
      assertThat(server.isAlive()).as("serve: %s", Files.readString(out)).isTrue();
      assertThat(System.nanoTime()).as("serve did not start: %s", Files.readString(out)).isLessThan(deadline);
      Thread.sleep(100);
    }
    url = "jdbc:avatica:remote:url=http://127.0.0.1:" + m.group(1)
        + ";serialization=PROTOBUF;authentication=BASIC;avatica_user=alice;avatica_password=" + PASSWORD;
    List<URL> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (CLIENT_JARS.matcher(Path.of(entry).getFileName().toString()).matches()) {
        jars.add(Path.of(entry).toUri().toURL());
      }
    }
    client = new URLClassLoader("avatica-client", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    driver = (Driver) client.loadClass("org.apache.calcite.avatica.remote.Driver")
        .getDeclaredConstructor().newInstance();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (client != null) {
      client.close();
    }
    sandbox.close();
  }

  private static Connection connect() throws SQLException {
    return driver.connect(url, new Properties());
  }

  @Test
  void theClientSeesNoConvosqlClass() {
    assertThatThrownBy(() -> client.loadClass("io.convosql.driver.ConvoSqlDriver"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> client.loadClass("org.apache.calcite.jdbc.Driver"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  /**
   * Rows, and a timestamp bound the way docs/server.md says: Avatica's client cannot encode
   * {@code java.time} values (it refuses them itself), so a {@code LocalDateTime} goes as
   * {@code Timestamp.valueOf} and compares as the embedded driver compares it.
   */
  @Test
  void answersQueriesAndBindsATimestamp() throws SQLException {
    List<String> expected = sandbox.pathSim().data().workspaces().stream().map(Workspace::name)
        .sorted(Comparator.naturalOrder()).toList();
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT name FROM pathsim.workspaces ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      assertThat(names).containsExactlyElementsOf(expected);
    }
    LocalDateTime since = LocalDateTime.of(2025, 8, 1, 0, 0);
    long count = sandbox.pathSim().data().sessions().stream()
        .filter(x -> !x.time().isBefore(since.toInstant(java.time.ZoneOffset.UTC))).count();
    try (Connection c = connect();
         PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM pathsim.sessions WHERE started_at >= ?")) {
      p.setObject(1, since);
      assertThatThrownBy(p::executeQuery).as("Avatica's client encodes no java.time value")
          .isInstanceOf(SQLException.class).hasMessageContaining("LocalDateTime");
      p.setTimestamp(1, java.sql.Timestamp.valueOf(since));
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(count);
      }
    }
  }

  /**
   * What the protocol carries of the metadata (schemas, tables, columns with their remarks), and
   * what docs/server.md says it cannot: the client answers keys empty and names its own product.
   */
  @Test
  void metadataCarriesTablesAndColumnsAsDocumented() throws SQLException {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, "pathsim", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("sessions", "steps", "workspaces");
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "pathsim", "steps", "%")) {
        while (rs.next()) {
          assertThat(rs.getString("REMARKS")).as(rs.getString("COLUMN_NAME")).isNotBlank();
          columns.add(rs.getString("COLUMN_NAME"));
        }
      }
      assertThat(columns).contains("session_id", "at");
      assertThat(md.getDatabaseProductName()).isEqualTo("Avatica");
      try (ResultSet rs = md.getPrimaryKeys(null, "pathsim", "sessions")) {
        assertThat(rs.next()).as("the protocol has no primary-key request").isFalse();
      }
    }
  }

  @Test
  void errorsCarryTheirSqlState() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM pathsim.workspaces"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(e.getMessage()).startsWith("42");
            assertThat(e.getMessage()).contains("nope");
          });
    }
  }

  /** The protocol has no warnings (docs/server.md): the lookback window is not reported remotely. */
  @Test
  void theLookbackWarningDoesNotCrossTheProtocol() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM insights.sessions")) {
      assertThat(rs.next()).isTrue();
      assertThat((Throwable) s.getWarnings()).isNull();
      assertThat((Throwable) rs.getWarnings()).isNull();
    }
  }

  /**
   * The protocol does not carry {@code setQueryTimeout}; the server runs every statement under its
   * {@code --query-timeout} (here {@value #QUERY_TIMEOUT_SECONDS} s) instead. A query whose detail
   * requests never get their answer fails with the embedded driver's time-out (HY008), and the server
   * stops sending: only the requests already in flight reached the sandbox.
   */
  @Test
  void theServersQueryTimeoutStopsTheQuery() throws Exception {
    int sessions = sandbox.pathSim().data().sessions().size();
    CountDownLatch release = new CountDownLatch(1);
    sandbox.requests().clear();
    sandbox.onRequest(r -> {
      if (r.path().startsWith("/sessions/")) {
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    try (Connection c = connect(); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> {
        try (ResultSet rs = s.executeQuery("SELECT session_id, COUNT(*) FROM pathsim.steps GROUP BY session_id")) {
          while (rs.next()) {
            rs.getString(1);
          }
        }
      }).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("HY008")); // as the embedded driver
    } finally {
      release.countDown();
      sandbox.onRequest(r -> { });
    }
    assertThat(sandbox.requests().of("pathsim").stream().filter(r -> r.path().startsWith("/sessions/")))
        // the whole query reads every web session's detail (about half of them); held, only the
        // first few in flight were sent
        .as("detail requests of %s sessions", sessions).hasSizeLessThan(sessions / 4);
  }
}
