package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a user sees when PathSim fails: the API, endpoint, status, server message and a hint; never the key. */
class PathSimErrorsTest {
  private static final String KEY = "sk-live-SECRET-4711";
  private WireMockServer api;
  private WireMockServer storage;
  private PathSimSchema schema;
  private Connection connection;

  @BeforeEach
  void start() throws SQLException {
    api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    storage = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    storage.start();
    schema = new PathSimSchema(HttpUrl.get("http://127.0.0.1:" + api.port() + "/v1"), KEY, TestHttp.settings(Duration.ofSeconds(5)), true);
    connection = Sql.connect("pathsim", schema);
  }

  @AfterEach
  void stop() throws SQLException {
    connection.close();
    schema.close();
    api.stop();
    storage.stop();
  }

  private Throwable failure(String sql) {
    try {
      Sql.rows(connection, sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the query did not fail: " + sql);
  }

  @Test
  void unauthorizedNamesTheKeyProblemButNotTheKey() {
    api.stubFor(get("/v1/workspaces").willReturn(aResponse().withStatus(401)
        .withBody("{\"success\":false,\"error\":\"Invalid API key " + KEY + "\"}")));
    Throwable e = failure("SELECT name FROM pathsim.workspaces");
    assertThat(e).hasMessageContaining("PathSim rejected the API key")
        .hasMessageContaining("GET /workspaces")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Invalid API key ****")
        .hasMessageContaining("pathsim.apiKey");
    assertThat(fullText(e)).doesNotContain(KEY);
    api.verify(getRequestedFor(urlPathEqualTo("/v1/workspaces"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + KEY)));
  }

  @Test
  void serverErrorNamesEndpointStatusAndMessage() {
    api.stubFor(get("/v1/workspaces").willReturn(okJson(
        "{\"success\":true,\"data\":[{\"id\":\"w1\",\"name\":\"W\"}]}")));
    api.stubFor(get(urlPathEqualTo("/v1/workspaces/w1/sessions")).willReturn(aResponse().withStatus(503)
        .withBody("{\"success\":false,\"error\":\"database is restarting\"}")));
    Throwable e = failure("SELECT id FROM pathsim.sessions");
    assertThat(e).hasMessageContaining("PathSim API")
        .hasMessageContaining("GET /workspaces/w1/sessions")
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("database is restarting")
        .hasMessageContaining("Hint:");
  }

  @Test
  void malformedBodyIsAClearError() {
    api.stubFor(get("/v1/workspaces").willReturn(aResponse().withStatus(200).withBody("{\"success\":tru")));
    Throwable e = failure("SELECT name FROM pathsim.workspaces");
    assertThat(e).hasMessageContaining("not valid JSON").hasMessageContaining("GET /workspaces");
  }

  @Test
  void unreadableFieldNamesTheField() {
    api.stubFor(get("/v1/workspaces").willReturn(okJson(
        "{\"success\":true,\"data\":[{\"id\":\"w1\",\"name\":\"W\"}]}")));
    api.stubFor(get(urlPathEqualTo("/v1/workspaces/w1/sessions")).willReturn(okJson(
        "{\"success\":true,\"data\":[{\"_id\":\"s1\",\"Time\":\"yesterday\"}],"
            + "\"pagination\":{\"total\":1,\"limit\":100,\"offset\":0,\"hasMore\":false}}")));
    Throwable e = failure("SELECT started_at FROM pathsim.sessions");
    assertThat(e).hasMessageContaining("(GET /workspaces/w1/sessions, HTTP 200): field Time of"
        + " session \"s1\" in data is \"yesterday\", expected a time like \"08/08/2025 18:00\"");
  }

  @Test
  void unknownWorkspaceIsEmptyNotAnError() throws SQLException {
    api.stubFor(get(urlPathEqualTo("/v1/workspaces/nope/sessions")).willReturn(aResponse().withStatus(404)
        .withBody("{\"success\":false,\"error\":\"Workspace not found\"}")));
    assertThat(Sql.rows(connection, "SELECT id FROM pathsim.sessions WHERE workspace_id = 'nope'")).isEmpty();
  }

  @Test
  void recordingDownloadFollowsRedirectWithoutTheKey() throws SQLException {
    String storageUrl = "http://localhost:" + storage.port() + "/files/s1.wav";
    api.stubFor(get("/v1/sessions/s1/recording").willReturn(okJson(
        "{\"success\":true,\"data\":{\"download_url\":\"http://127.0.0.1:" + api.port()
            + "/v1/sessions/s1/recording?download=true\",\"file_type\":\"audio/wav\",\"session_id\":\"s1\"}}")));
    api.stubFor(get("/v1/sessions/s1/recording?download=true").willReturn(aResponse().withStatus(302)
        .withHeader("Location", storageUrl)));
    storage.stubFor(get("/files/s1.wav").willReturn(aResponse().withStatus(200).withBody(new byte[] {1, 2, 3})));
    assertThat(Sql.rows(connection,
        "SELECT file_type, CHAR_LENGTH(CAST(content AS VARCHAR)) > 0 FROM pathsim.recordings WHERE session_id = 's1'"))
        .hasSize(1);
    storage.verify(getRequestedFor(urlPathEqualTo("/files/s1.wav")).withHeader("Authorization", absent()));
    api.verify(getRequestedFor(urlPathEqualTo("/v1/sessions/s1/recording"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + KEY)));
  }

  private static String fullText(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t).append('\n');
      for (StackTraceElement s : t.getStackTrace()) {
        b.append(s).append('\n');
      }
    }
    return b.toString();
  }
}
