package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote server ({@code serve}) reached with Avatica's own remote driver, as a BI tool reaches
 * it: queries answer with the server's keys, a wrong password is refused, a client cannot set keys,
 * URLs or schemas, and the server listens on loopback only unless told otherwise.
 */
class RemoteServerTest {
  private static final String PASSWORD = "correct-horse-battery";
  @TempDir
  static Path dir;
  private static RemoteServer server;
  private static Path users;

  @BeforeAll
  static void start() throws IOException, SQLException {
    users = dir.resolve("users.properties");
    Files.writeString(users, "alice: " + PASSWORD + "\n");
    Properties props = serverProperties(DriverFixture.SANDBOX.pathSimUrl());
    props.setProperty("maxRequestsPerStatement", "0"); // a client may read with pushdown=false
    server = RemoteServer.start(new RemoteServer.Options(ServeCommand.DEFAULT_HOST, 0, users, props,
        Driver.Serialization.PROTOBUF, null, null, 0));
    new Driver(); // registers jdbc:avatica:remote:
  }

  /** A server's connection properties for a sandbox's PathSim, with no client-side rate limit. */
  static Properties serverProperties(String pathSimUrl) {
    Properties props = new Properties();
    props.setProperty("pathsim.url", pathSimUrl);
    props.setProperty("pathsim.apiKey", Sandbox.PATHSIM_KEY);
    props.setProperty("requestsPerSecond", "0");
    return props;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String url(String user, String password, String... more) {
    StringBuilder b = new StringBuilder("jdbc:avatica:remote:url=http://127.0.0.1:" + server.port()
        + ";serialization=PROTOBUF;authentication=BASIC;avatica_user=" + user + ";avatica_password="
        + password);
    for (String m : more) {
      b.append(';').append(m);
    }
    return b.toString();
  }

  @Test
  void answersWithTheServersKey() throws SQLException {
    String sql = "SELECT name, is_active FROM pathsim.workspaces ORDER BY name";
    List<String> local;
    try (Connection c = DriverFixture.connect()) {
      local = DriverFixture.rows(c, sql);
    }
    assertThat(local).hasSize(5);
    DriverFixture.SANDBOX.requests().clear();
    try (Connection c = DriverManager.getConnection(url("alice", PASSWORD))) {
      assertThat(DriverFixture.rows(c, sql)).containsExactlyElementsOf(local);
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = ?", "Voice"))
          .containsExactly(Long.toString(DriverFixture.data().sessions().stream()
              .filter(s -> s.testType().name().equals("VOICE")).count()));
    }
    assertThat(DriverFixture.SANDBOX.requests().of("pathsim")).isNotEmpty()
        .allMatch(r -> r.hadAuthorization() && r.status() == 200);
  }

  @Test
  void wrongPasswordOrUserIsRefused() {
    // Avatica's client reports the refusal as a RuntimeException
    assertThatThrownBy(() -> DriverManager.getConnection(url("alice", "wrong")).close())
        .hasMessageContaining("got HTTP/401");
    assertThatThrownBy(() -> DriverManager.getConnection(url("mallory", PASSWORD)).close())
        .hasMessageContaining("got HTTP/401");
  }

  /**
   * A client's connection properties reach the server only as {@code Properties} (a BI tool's
   * driver properties); Avatica's client keeps the ones in its URL to itself.
   */
  @Test
  void clientsCannotSetKeysUrlsOrSchemas() {
    String[][] refused = {{"pathsim.apiKey", "stolen-or-planted"}, {"PATHSIM.APIKEY", "other-spelling"},
        {"pathsim.url", "https://example.org/v1"}, {"insights.url", "https://example.org"},
        {"insights.region", "eu"}, {"credentialsFile", "/etc/passwd"}, {"demo", "true"},
        {"allowInsecureHttp", "true"}, {"model", "inline:{version:'1.0',schemas:[]}"},
        {"schemaFactory", "org.example.Evil"}};
    for (String[] pair : refused) {
      Properties info = new Properties();
      info.setProperty(pair[0], pair[1]);
      assertThatThrownBy(() -> DriverManager.getConnection(url("alice", PASSWORD), info).close())
          .as(pair[0]) // Avatica's client reports a refused connection as a RuntimeException
          .hasMessageContaining("The convosql server refuses the connection property '" + pair[0] + "'")
          .hasMessageNotContaining(pair[1]);
    }
  }

  @Test
  void clientsMaySetHowTheirQueriesRead() throws SQLException {
    Properties info = new Properties();
    info.setProperty("pushdown", "false");
    info.setProperty("lex", "MYSQL_ANSI");
    info.setProperty("user", "alice"); // BI tools send their user and password fields too
    info.setProperty("password", PASSWORD);
    DriverFixture.SANDBOX.requests().clear();
    try (Connection c = DriverManager.getConnection(url("alice", PASSWORD), info)) {
      assertThat(DriverFixture.rows(c, "SELECT id FROM pathsim.sessions WHERE id = ?",
          DriverFixture.data().sessions().get(0).id())).hasSize(1);
    }
    // pushdown=false: the whole listing instead of one GET /sessions/{id}
    assertThat(DriverFixture.SANDBOX.requests().lines("pathsim")).contains("GET /workspaces");
  }

  @Test
  void listensOnLoopbackOnly() throws IOException {
    Optional<InetAddress> external = NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    assertThat(external).as("a non-loopback address of this machine").isPresent();
    try (Socket s = new Socket()) {
      assertThatThrownBy(() -> s.connect(new InetSocketAddress(external.get(), server.port()), 2000))
          .isInstanceOf(IOException.class);
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
      assertThat(s.isConnected()).isTrue();
    }
  }

  @Test
  void servesHttpsWithAKeystore() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "convosql", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "keystore-pass").redirectErrorStream(true).start();
    String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(keytoolOutput).isZero();
    Properties props = new Properties();
    props.setProperty("pathsim.url", DriverFixture.SANDBOX.pathSimUrl());
    props.setProperty("pathsim.apiKey", Sandbox.PATHSIM_KEY);
    try (RemoteServer tls = RemoteServer.start(new RemoteServer.Options(ServeCommand.DEFAULT_HOST, 0, users,
        props, Driver.Serialization.PROTOBUF, keystore, "keystore-pass", 0))) {
      String https = "jdbc:avatica:remote:url=https://127.0.0.1:" + tls.port() + ";serialization=PROTOBUF"
          + ";authentication=BASIC;avatica_user=alice;avatica_password=" + PASSWORD
          + ";truststore=" + keystore + ";truststore_password=keystore-pass";
      try (Connection c = DriverManager.getConnection(https)) {
        assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
      }
      assertThatThrownBy(() -> DriverManager.getConnection(https.replace("avatica_password=" + PASSWORD,
          "avatica_password=wrong")).close()).hasMessageContaining("got HTTP/401");
    }
  }

  @Test
  void refusesToStartWithoutUsers() {
    assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--demo"}, name -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The server needs --users FILE");
    assertThatThrownBy(() -> ServeCommand.parse(new String[] {"--users", dir.resolve("none").toString()},
        name -> null)).hasMessageContaining("--users: no readable file");
  }

  @Test
  void bindsLoopbackByDefault() throws SQLException {
    RemoteServer.Options o = ServeCommand.parse(new String[] {"--users", users.toString()}, name -> null);
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isEqualTo(8765);
  }
}
