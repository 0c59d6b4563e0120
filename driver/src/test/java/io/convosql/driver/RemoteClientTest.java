package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote server as a BI tool's JVM sees it: Avatica's remote driver loaded in a class loader that
 * holds only avatica-core and its own dependencies (no convosql, no Calcite), against {@code serve}.
 * Errors arrive with the embedded driver's SQLState, vendor code and message, and the server's query
 * timeout stops a slow statement.
 */
class RemoteClientTest {
  /** avatica-core and what it needs at run time, as a BI tool ships it. */
  private static final Pattern CLIENT_JARS = Pattern.compile(
      "(avatica-core|avatica-metrics|jackson-core|jackson-databind|jackson-annotations|protobuf-java"
          + "|httpclient5|httpcore5|httpcore5-h2|slf4j-api|joou-java-6)-[0-9][^/]*\\.jar");
  private static final String PASSWORD = "correct-horse-battery";
  @TempDir
  static Path dir;
  private static URLClassLoader client;
  private static java.sql.Driver remote;
  private static RemoteServer server;
  private static Path users;

  @BeforeAll
  static void start() throws Exception {
    List<URL> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (CLIENT_JARS.matcher(Path.of(entry).getFileName().toString()).matches()) {
        jars.add(Path.of(entry).toUri().toURL());
      }
    }
    client = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    remote = (java.sql.Driver) client.loadClass("org.apache.calcite.avatica.remote.Driver")
        .getConstructor().newInstance();
    users = dir.resolve("users.properties");
    Files.writeString(users, "alice: " + PASSWORD + "\n");
    Properties props = RemoteServerTest.serverProperties(DriverFixture.SANDBOX.pathSimUrl());
    props.setProperty("maxRequestsPerStatement", "3");
    server = RemoteServer.start(new RemoteServer.Options(ServeCommand.DEFAULT_HOST, 0, users, props,
        Serialization.PROTOBUF, null, null, 0));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    client.close();
  }

  private static Connection connect(RemoteServer s) throws SQLException {
    Properties info = new Properties();
    info.setProperty("authentication", "BASIC");
    info.setProperty("avatica_user", "alice");
    info.setProperty("avatica_password", PASSWORD);
    return remote.connect("jdbc:avatica:remote:url=http://127.0.0.1:" + s.port() + ";serialization=PROTOBUF",
        info);
  }

  private static SQLException failure(Connection c, String sql) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        // reads every row
      }
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("no failure: " + sql);
  }

  @Test
  void theClientHasNeitherConvosqlNorCalcite() {
    assertThatThrownBy(() -> client.loadClass(ConvoSqlDriver.class.getName()))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> client.loadClass("org.apache.calcite.jdbc.Driver"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(remote.getClass().getClassLoader()).isSameAs(client);
  }

  @Test
  void errorsArriveWithTheEmbeddedDriversSqlStateAndMessage() throws SQLException {
    List<String> sqls = List.of("SELECT nosuch FROM pathsim.workspaces",
        "SELECT * FROM pathsim.steps WHERE session_id IN ('a', 'b', 'c', 'd')");
    try (Connection r = connect(server); Connection local = DriverFixture.connect("maxRequestsPerStatement=3")) {
      for (String sql : sqls) {
        SQLException embedded = failure(local, sql);
        SQLException e = failure(r, sql);
        assertThat(e.getSQLState()).as(sql).isEqualTo(embedded.getSQLState()).isNotEqualTo("00000");
        assertThat(e.getErrorCode()).isEqualTo(embedded.getErrorCode());
        // Avatica's client puts "Error <code> (<SQLState>) : " and the SQL before the server's message
        assertThat(e.getMessage()).startsWith("Error " + embedded.getErrorCode() + " (" + embedded.getSQLState()
            + ") : ").endsWith(": Remote driver error: " + embedded.getMessage());
      }
      assertThat(failure(r, sqls.get(1)).getSQLState()).isEqualTo("54000");
    }
  }

  @Test
  void theServersQueryTimeoutStopsASlowStatement() throws Exception {
    Sandbox slow = OwnSandbox.start(120, 10);
    slow.setLatency(Duration.ofMillis(1500));
    Properties props = RemoteServerTest.serverProperties(slow.pathSimUrl());
    try (RemoteServer timed = RemoteServer.start(new RemoteServer.Options(ServeCommand.DEFAULT_HOST, 0, users,
        props, Serialization.PROTOBUF, null, null, 1)); Connection r = connect(timed)) {
      // GET /workspaces, then the sessions' pages: more than a second at 1.5 s per request
      SQLException e = failure(r, "SELECT id FROM pathsim.sessions");
      assertThat(e.getSQLState()).isEqualTo("HY008");
      assertThat(e.getMessage()).contains("timeout");
    } finally {
      slow.close();
    }
  }
}
