package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys from the credentials file ({@code credentialsFile}): used when a key is given neither as a
 * property nor in the environment, refused (with the command that fixes it) when others may read
 * it or when it holds anything but the two keys, and not even read when the keys are given.
 */
class CredentialsFileTest {
  private static final String PATHSIM_COUNT = "SELECT COUNT(*) FROM pathsim.workspaces";
  private static final String INSIGHTS_COUNT = "SELECT COUNT(*) FROM insights.sessions"
      + " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-09-02 00:00:00'";
  private static final String GOOD_KEYS = "pathsim.apiKey=" + Sandbox.PATHSIM_KEY + "\n"
      + "insights.apiKey=" + Sandbox.INSIGHTS_KEY + "\n";
  private static final String WRONG_KEYS = "pathsim.apiKey=file-pathsim-key\n"
      + "insights.apiKey=file-insights-key\n";

  @TempDir
  Path dir;

  @BeforeAll
  static void noKeysInTheEnvironment() {
    // the driver reads the real environment first; with keys there, the file is never read
    assumeThat(System.getenv("PATHSIM_API_KEY")).isNull();
    assumeThat(System.getenv("INSIGHTS_API_KEY")).isNull();
  }

  @BeforeEach
  void clearLog() {
    SANDBOX.requests().clear();
  }

  private Path file(String content, String permissions) throws IOException {
    Path file = dir.resolve("credentials");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  /** A URL for both APIs of the shared sandbox, without keys unless given in {@code more}. */
  private static String url(Path credentials, String... more) {
    StringBuilder b = new StringBuilder(ConvoSqlDriver.PREFIX)
        .append("pathsim.url=").append(SANDBOX.pathSimUrl())
        .append(";insights.url=").append(SANDBOX.insightsUrl())
        .append(";credentialsFile=").append(credentials);
    for (String pair : more) {
      b.append(';').append(pair);
    }
    return b.toString();
  }

  private static List<String> answers(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      return List.of(DriverFixture.rows(c, PATHSIM_COUNT).get(0),
          DriverFixture.rows(c, INSIGHTS_COUNT).get(0));
    }
  }

  private static List<String> expected() throws SQLException {
    return answers(url(Path.of("/nonexistent"), "pathsim.apiKey=" + Sandbox.PATHSIM_KEY,
        "insights.apiKey=" + Sandbox.INSIGHTS_KEY));
  }

  @Test
  void keysFromAFileOnlyItsOwnerMayReadAnswerQueries() throws Exception {
    Path credentials = file(GOOD_KEYS, "rw-------");
    assertThat(url(credentials)).doesNotContain("apiKey");
    List<String> answers = answers(url(credentials));
    assertThat(answers).isEqualTo(expected());
    assertThat(Long.parseLong(answers.get(1))).isPositive();
    assertThat(SANDBOX.requests().all()).isNotEmpty()
        .allMatch(r -> r.status() == 200 && (r.hadAuthorization() || r.hadInsightsKey()));
  }

  @Test
  void aFileOthersMayReadIsRefusedWithTheCommandThatFixesIt() throws Exception {
    Path credentials = file(GOOD_KEYS, "rw-r--r--");
    SQLException e = (SQLException) DriverFixture.connectFailure(url(credentials));
    assertThat(e.getSQLState()).isEqualTo("28000");
    assertThat((Throwable) e).hasMessage("The credentials file " + credentials
        + " may be read or changed by others (GROUP_READ, OTHERS_READ), so convosql does not use"
        + " it. Run: chmod 600 " + credentials);
    assertThat(DriverFixture.fullText(e)).doesNotContain(Sandbox.PATHSIM_KEY)
        .doesNotContain(Sandbox.INSIGHTS_KEY);
    assertThat(SANDBOX.requests().all()).as("refused before any request").isEmpty();
  }

  @Test
  void aKeyGivenAsAPropertyWinsOverTheFile() throws Exception {
    Path credentials = file(WRONG_KEYS, "rw-------");
    assertThat(answers(url(credentials, "pathsim.apiKey=" + Sandbox.PATHSIM_KEY,
        "insights.apiKey=" + Sandbox.INSIGHTS_KEY))).isEqualTo(expected());
    ConnectionSettings s = ConnectionSettings.parse(
        "credentialsFile=" + credentials + ";pathsim.apiKey=from-url", null, name -> null);
    assertThat(s.key(ConvoSqlProperty.PATHSIM_API_KEY)).isEqualTo("from-url");
    assertThat(s.key(ConvoSqlProperty.INSIGHTS_API_KEY)).isEqualTo("file-insights-key");
  }

  @Test
  void aKeyInTheEnvironmentWinsOverTheFile() throws Exception {
    Path credentials = file(WRONG_KEYS, "rw-------");
    Map<String, String> env = Map.of("PATHSIM_API_KEY", "from-env");
    ConnectionSettings s =
        ConnectionSettings.parse("credentialsFile=" + credentials, null, env::get);
    assertThat(s.key(ConvoSqlProperty.PATHSIM_API_KEY)).isEqualTo("from-env");
    assertThat(s.key(ConvoSqlProperty.INSIGHTS_API_KEY)).isEqualTo("file-insights-key");
  }

  @Test
  void anEntryOtherThanTheTwoKeysIsRefused() throws Exception {
    for (String entry : List.of("pathsim.url=https://elsewhere.example/v1", "pathsim.apikey=x",
        "user=me")) {
      Path credentials = file(GOOD_KEYS + entry + "\n", "rw-------");
      String name = entry.substring(0, entry.indexOf('='));
      SQLException e = (SQLException) DriverFixture.connectFailure(url(credentials));
      assertThat(e.getSQLState()).isEqualTo("28000");
      assertThat((Throwable) e).hasMessage("The credentials file " + credentials + " holds '" + name
          + "'; it may hold only pathsim.apiKey and insights.apiKey");
    }
    assertThat(SANDBOX.requests().all()).isEmpty();
  }

  @Test
  void theFileIsNotReadWhenBothKeysAreGiven() throws Exception {
    // a file that would be refused twice over: others may read it, and it holds a stranger
    Path credentials = file(WRONG_KEYS + "other=1\n", "rw-rw-rw-");
    assertThat(answers(url(credentials, "pathsim.apiKey=" + Sandbox.PATHSIM_KEY,
        "insights.apiKey=" + Sandbox.INSIGHTS_KEY))).isEqualTo(expected());
    Map<String, String> env = Map.of("PATHSIM_API_KEY", "from-env", "INSIGHTS_API_KEY", "env-2");
    ConnectionSettings s =
        ConnectionSettings.parse("credentialsFile=" + credentials, null, env::get);
    assertThat(s.key(ConvoSqlProperty.PATHSIM_API_KEY)).isEqualTo("from-env");
    assertThat(s.key(ConvoSqlProperty.INSIGHTS_API_KEY)).isEqualTo("env-2");
  }
}
