package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimClient.Reply;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Recording info, the download redirect, and the storage host that serves the files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingTest {
  private static final String KEY = "Bearer " + Sandbox.PATHSIM_KEY;

  private Sandbox sandbox;
  private PathSimClient client;
  private PathSimData data;

  @BeforeAll
  void start() {
    sandbox = PathSimClient.start();
    client = new PathSimClient(sandbox);
    data = sandbox.pathSim().data();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void infoModeDescribesTheFile() {
    Session voice = find(s -> s.testType() == TestType.VOICE && s.detail().hasRecording());
    JsonNode info = client.get("/sessions/" + voice.id() + "/recording").json();
    assertThat(info.get("success").asBoolean()).isTrue();
    JsonNode d = info.get("data");
    assertThat(SessionDetailTest.fields(d))
        .containsExactly("message", "download_url", "session_id", "file_type", "instructions");
    assertThat(d.get("download_url").asText())
        .isEqualTo(sandbox.pathSimUrl() + "/sessions/" + voice.id() + "/recording?download=true");
    assertThat(d.get("session_id").asText()).isEqualTo(voice.id());
    assertThat(d.get("file_type").asText()).isEqualTo("audio/wav");
    Session web = find(s -> s.testType() == TestType.WEB && s.detail().hasRecording());
    JsonNode webInfo = client.get("/sessions/" + web.id() + "/recording?download=false").json().get("data");
    assertThat(webInfo.get("file_type").asText()).isEqualTo("video/mp4");
  }

  @Test
  void sessionsWithoutRecordingAndUnknownSessionsAreNotFound() {
    Session none = find(s -> !s.detail().hasRecording());
    Reply reply = client.get("/sessions/" + none.id() + "/recording");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("success").asBoolean()).isFalse();
    assertThat(client.get("/sessions/" + none.id() + "/recording?download=true").status()).isEqualTo(404);
    assertThat(client.get("/sessions/ffffffffffffffffffffffff/recording").body())
        .isEqualTo("{\"success\":false,\"error\":\"Session not found\"}");
  }

  @Test
  void downloadRedirectsToStorageWhichServesAValidWav() {
    Session voice = find(s -> s.testType() == TestType.VOICE && s.detail().hasRecording());
    Reply redirect = client.get("/sessions/" + voice.id() + "/recording?download=true");
    assertThat(redirect.status()).isEqualTo(302);
    String location = redirect.header("Location");
    assertThat(location).isEqualTo(sandbox.storageUrl() + "/recordings/" + voice.id() + ".wav");
    Reply file = client.send(location);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).isEqualTo("audio/wav");
    byte[] b = file.bytes();
    assertThat(b.length).isBetween(2048, 8192);
    assertThat(ascii(b, 0, 4)).isEqualTo("RIFF");
    assertThat(ascii(b, 8, 4)).isEqualTo("WAVE");
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(le.getInt(4)).isEqualTo(b.length - 8);
    assertThat(le.getInt(40)).isEqualTo(b.length - 44);
    assertThat(client.send(location).bytes()).isEqualTo(b);
  }

  @Test
  void webDownloadsAreMp4() {
    Session web = find(s -> s.testType() == TestType.WEB && s.detail().hasRecording());
    String location = client.get("/sessions/" + web.id() + "/recording?download=true").header("Location");
    assertThat(location).endsWith("/recordings/" + web.id() + ".mp4");
    Reply file = client.send(location);
    assertThat(file.header("Content-Type")).isEqualTo("video/mp4");
    assertThat(ascii(file.bytes(), 4, 4)).isEqualTo("ftyp");
  }

  @Test
  void storageRefusesCredentialsAndUnknownFiles() {
    Session voice = find(s -> s.testType() == TestType.VOICE && s.detail().hasRecording());
    String url = sandbox.storageUrl() + "/recordings/" + voice.id() + ".wav";
    sandbox.requests().clear();
    Reply withKey = client.send(url, "Authorization", KEY);
    assertThat(withKey.status()).isEqualTo(400);
    assertThat(withKey.body()).isEqualTo("{\"error\":\"unexpected credentials\"}");
    assertThat(client.send(url, "X-Vgai-Key", "anything").status()).isEqualTo(400);
    String files = sandbox.storageUrl() + "/recordings/";
    assertThat(client.send(files + voice.id() + ".mp4").status()).isEqualTo(404);
    Session none = find(s -> !s.detail().hasRecording());
    assertThat(client.send(files + none.id() + ".wav").status()).isEqualTo(404);
    assertThat(client.send(sandbox.storageUrl() + "/other").status()).isEqualTo(404);
    List<RecordedRequest> log = PathSimClient.awaitLog(sandbox, "storage", 5);
    assertThat(log).extracting(RecordedRequest::status).containsExactlyInAnyOrder(400, 400, 404, 404, 404);
    assertThat(log).filteredOn(r -> r.status() == 400)
        .extracting(RecordedRequest::hadAuthorization, RecordedRequest::hadInsightsKey)
        .containsExactlyInAnyOrder(tuple(true, false), tuple(false, true));
  }

  private Session find(Predicate<Session> filter) {
    return data.sessions().stream().filter(filter).findFirst().orElseThrow();
  }

  private static String ascii(byte[] bytes, int from, int length) {
    return new String(Arrays.copyOfRange(bytes, from, from + length), StandardCharsets.US_ASCII);
  }
}
