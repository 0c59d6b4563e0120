package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.fullText;
import static io.convosql.driver.DriverFixture.queryFailure;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PathSim key: sent as a bearer token, read from the environment, and never shown anywhere. */
class ApiKeyTest {
  private static final String WRONG_KEY = "sk-live-WRONG-9731";

  @BeforeEach
  void clearLog() {
    SANDBOX.requests().clear();
  }

  @Test
  void theKeyIsSentAndAccepted() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(rows(c, "SELECT COUNT(*) FROM pathsim.workspaces"))
          .containsExactly(Integer.toString(DriverFixture.data().workspaces().size()));
    }
    assertThat(SANDBOX.requests().of("pathsim")).isNotEmpty()
        .allMatch(RecordedRequest::hadAuthorization)
        .allMatch(r -> r.status() == 200);
  }

  @Test
  void aWrongKeyIsReportedWithoutTheKey() throws SQLException {
    String url = "jdbc:convosql:pathsim.url=" + SANDBOX.pathSimUrl() + ";pathsim.apiKey=" + WRONG_KEY;
    try (Connection c = DriverManager.getConnection(url)) {
      Throwable e = queryFailure(c, "SELECT name FROM pathsim.workspaces");
      assertThat(e).hasMessageContaining("PathSim rejected the API key")
          .hasMessageContaining("GET /workspaces, HTTP 401")
          .hasMessageContaining("check pathsim.apiKey or the PATHSIM_API_KEY environment variable");
      assertThat(fullText(e)).doesNotContain(WRONG_KEY);
      // the URL as opened, the key masked (DBeaver and SchemaCrawler show it)
      assertThat(c.getMetaData().getURL())
          .isEqualTo("jdbc:convosql:pathsim.url=" + SANDBOX.pathSimUrl() + ";pathsim.apiKey=****");
      assertThat(c.toString()).doesNotContain(WRONG_KEY);
      assertThat(c.getClientInfo().toString()).doesNotContain(WRONG_KEY);
      assertThat(c.getClientInfo("pathsim.apiKey")).isNull();
    }
    assertThat(SANDBOX.requests().of("pathsim")).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(401))
        .satisfies(r -> assertThat(r.hadAuthorization()).isTrue());
  }

  @Test
  void aKeyGivenAsAPropertyStaysOutOfCalcite() throws SQLException {
    Properties info = new Properties();
    info.setProperty("pathsim.apiKey", WRONG_KEY);
    try (Connection c = DriverManager.getConnection(
        "jdbc:convosql:pathsim.url=" + SANDBOX.pathSimUrl(), info)) {
      assertThat(c.getMetaData().getURL()).doesNotContain(WRONG_KEY);
      assertThat(c.getClientInfo().toString()).doesNotContain(WRONG_KEY);
      assertThat(fullText(queryFailure(c, "SELECT id FROM pathsim.workspaces"))).doesNotContain(WRONG_KEY)
          .contains("PathSim rejected the API key");
    }
  }

  @Test
  void theKeyFallsBackToTheEnvironment() throws SQLException {
    Map<String, String> env = Map.of("PATHSIM_API_KEY", "key-from-env");
    ConnectionSettings settings = ConnectionSettings.parse("pathsim.url=http://127.0.0.1:1/v1", null, env::get);
    assertThat(settings.get(ConvoSqlProperty.PATHSIM_API_KEY)).isEqualTo("key-from-env");
  }

  @Test
  void anEmptyKeyFallsBackToTheEnvironmentToo() throws SQLException {
    Map<String, String> env = Map.of("PATHSIM_API_KEY", "key-from-env");
    Properties info = new Properties();
    info.setProperty("pathsim.apiKey", "");
    assertThat(ConnectionSettings.parse("", info, env::get).get(ConvoSqlProperty.PATHSIM_API_KEY))
        .isEqualTo("key-from-env");
  }

  @Test
  void anExplicitKeyWinsOverTheEnvironment() throws SQLException {
    Map<String, String> env = Map.of("PATHSIM_API_KEY", "key-from-env");
    Properties info = new Properties();
    info.setProperty("pathsim.apiKey", "key-from-properties");
    assertThat(ConnectionSettings.parse("", info, env::get).get(ConvoSqlProperty.PATHSIM_API_KEY))
        .isEqualTo("key-from-properties");
    assertThat(ConnectionSettings.parse("pathsim.apiKey=key-from-url", info, env::get)
        .get(ConvoSqlProperty.PATHSIM_API_KEY)).isEqualTo("key-from-url");
  }

  @Test
  void withoutKeyOrEnvironmentThereIsNoKey() throws SQLException {
    assertThat(ConnectionSettings.parse("", null, name -> null).get(ConvoSqlProperty.PATHSIM_API_KEY)).isNull();
  }

  @Test
  void theKeyNeverReachesCalcite() throws SQLException {
    ConnectionSettings settings = ConnectionSettings.parse(
        "pathsim.apiKey=" + WRONG_KEY + ";pathsim.url=http://127.0.0.1:1/v1", null, name -> null);
    assertThat(settings.calciteProperties()).containsOnlyKeys("lex", "defaultNullCollation", "fun", "parserFactory",
        "conformance", "locale");
  }
}
