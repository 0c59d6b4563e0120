package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.PathSimClient.Reply;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The session listing's stored filters, sorting, limits and validation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionListingTest {
  private Sandbox sandbox;
  private PathSimClient client;
  private PathSimData data;
  private String workspace;

  @BeforeAll
  void start() {
    sandbox = PathSimClient.start();
    client = new PathSimClient(sandbox);
    data = sandbox.pathSim().data();
    workspace = data.workspaces().stream()
        .max(Comparator.comparingInt(w -> data.sessions(w.id()).size()))
        .orElseThrow()
        .id();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  @Test
  void defaultPageIsTheFiftyNewestInTableFormat() {
    JsonNode body = list("");
    List<Session> all = data.sessions(workspace);
    assertThat(ids(body)).isEqualTo(ids(newestFirst(all).subList(0, 50)));
    assertPagination(body, all.size(), 50, 0, true);
    JsonNode row = body.get("data").get(0);
    Session s = newestFirst(all).get(0);
    assertThat(row.fieldNames()).toIterable().containsExactly(
        "Time", "Test Type", "Objective", "Connected", "Virtual Customer", "Target", "Source", "_id",
        "test_id");
    assertThat(row.get("Time").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
        .isEqualTo(Wire.TABLE_TIME.format(s.time()));
    assertThat(row.get("Test Type").asText()).isEqualTo(s.testType().label());
    assertThat(row.get("Objective").asText()).isEqualTo(s.objective().label());
    assertThat(row.get("Connected").asText()).isEqualTo(s.connected().label());
    assertThat(row.get("Source").asText()).isEqualTo(s.source().label());
    assertThat(row.get("test_id").asText()).isEqualTo(s.testId());
  }

  @Test
  void sortsBothWaysOnEitherFieldName() {
    List<Session> all = data.sessions(workspace);
    List<String> oldest = ids(all.subList(0, 100));
    assertThat(ids(list("?sort=created_at&limit=100"))).isEqualTo(oldest);
    assertThat(ids(list("?sort=start_timestamp&limit=100"))).isEqualTo(oldest);
    List<String> newest = ids(newestFirst(all).subList(0, 100));
    assertThat(ids(list("?sort=-created_at&limit=100"))).isEqualTo(newest);
    assertThat(ids(list("?sort=-start_timestamp&limit=100"))).isEqualTo(newest);
    assertThat(bad("?sort=time")).isEqualTo("Invalid value for sort: time");
    assertThat(bad("?sort=-createdAt")).isEqualTo("Invalid value for sort: -createdAt");
    assertThat(bad("?sort=%2Bcreated_at")).isEqualTo("Invalid value for sort: +created_at");
  }

  @Test
  void walkingEveryPageVisitsEverySessionOnce() {
    List<String> seen = new ArrayList<>();
    boolean more = true;
    for (int offset = 0; more; offset += 100) {
      JsonNode body = list("?limit=100&offset=" + offset);
      seen.addAll(ids(body));
      more = body.get("pagination").get("hasMore").asBoolean();
    }
    assertThat(seen).isEqualTo(ids(newestFirst(data.sessions(workspace))));
  }

  @Test
  void limitIsCappedAtOneHundredAndValidated() {
    JsonNode capped = list("?limit=500");
    assertThat(capped.get("data")).hasSize(100);
    assertPagination(capped, data.sessions(workspace).size(), 100, 0, true);
    assertThat(list("?limit=99999999999999999999").get("pagination").get("limit").asInt()).isEqualTo(100);
    assertThat(list("?limit=7").get("data")).hasSize(7);
    assertThat(bad("?limit=0")).isEqualTo("Invalid value for limit: 0");
    assertThat(bad("?limit=-5")).isEqualTo("Invalid value for limit: -5");
    assertThat(bad("?limit=ten")).isEqualTo("Invalid value for limit: ten");
    assertThat(bad("?limit=2.5")).isEqualTo("Invalid value for limit: 2.5");
    assertThat(bad("?offset=-1")).isEqualTo("Invalid value for offset: -1");
    assertThat(bad("?offset=x")).isEqualTo("Invalid value for offset: x");
    assertThat(bad("?type=voice&type=web")).isEqualTo("Invalid value for type: voice,web");
    int total = data.sessions(workspace).size();
    JsonNode beyond = list("?offset=" + total);
    assertThat(beyond.get("data")).isEmpty();
    assertPagination(beyond, total, 50, total, false);
    JsonNode last = list("?limit=30&offset=" + (total - 30));
    assertThat(last.get("data")).hasSize(30);
    assertThat(last.get("pagination").get("hasMore").asBoolean()).isFalse();
  }

  @Test
  void typeAndSourceFilterOnTheExactDocumentedValues() {
    expect("?type=voice", s -> s.testType() == TestType.VOICE);
    expect("?type=web", s -> s.testType() == TestType.WEB);
    expect("?source=Campaign", s -> s.source() == Source.CAMPAIGN);
    expect("?source=Ad-hoc&type=web", s -> s.source() == Source.AD_HOC && s.testType() == TestType.WEB);
    for (String value : List.of("Voice", "VOICE", "audio", "")) {
      assertThat(bad("?type=" + value)).isEqualTo("Invalid value for type: " + value);
    }
    for (String value : List.of("campaign", "Ad-Hoc", "adhoc", "Adhoc")) {
      assertThat(bad("?source=" + value)).isEqualTo("Invalid value for source: " + value);
    }
    assertThat(bad("?objective=Achieved")).isEqualTo("Invalid value for objective: Achieved");
    assertThat(bad("?objective=not-achieved")).isEqualTo("Invalid value for objective: not-achieved");
    assertThat(bad("?objective=--")).isEqualTo("Invalid value for objective: --");
    assertThat(bad("?connected=Connected")).isEqualTo("Invalid value for connected: Connected");
    assertThat(bad("?connected=in%20progress")).isEqualTo("Invalid value for connected: in progress");
  }

  @Test
  void searchMatchesCustomerOrTargetIgnoringCase() {
    expect("?search=WEATHER", s -> s.virtualCustomer().toLowerCase(Locale.ROOT).contains("weather"));
    expect("?search=chatbot.com", s -> s.target().contains("chatbot.com")
        || s.virtualCustomer().contains("chatbot.com"));
    expect("?search=%2B1212", s -> s.target().startsWith("+1212"));
    expect("?search=Pizza%20Order", s -> s.virtualCustomer().startsWith("Pizza Order"));
    JsonNode none = list("?search=no-such-agent");
    assertThat(none.get("data")).isEmpty();
    assertPagination(none, 0, 50, 0, false);
  }

  @Test
  void createdToADateExcludesThatDay() {
    LocalDate day = LocalDate.ofInstant(data.sessions(workspace).get(500).time(), ZoneOffset.UTC);
    Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant next = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(data.sessions(workspace))
        .anyMatch(s -> !s.time().isBefore(midnight) && s.time().isBefore(next));
    expect("?created_to=" + day, s -> s.time().isBefore(midnight));
    expect("?created_from=" + day, s -> !s.time().isBefore(midnight));
    expect("?created_from=" + day + "&created_to=" + day.plusDays(1),
        s -> !s.time().isBefore(midnight) && s.time().isBefore(next));
  }

  @Test
  void dateTimesAreExactBoundsBothInclusive() {
    Session pivot = data.sessions(workspace).get(300);
    Instant t = pivot.time();
    expect("?created_to=" + t, s -> !s.time().isAfter(t));
    assertThat(ids(list("?created_to=" + t + "&limit=1"))).containsExactly(pivot.id());
    expect("?created_to=" + t.minusSeconds(1), s -> s.time().isBefore(t));
    expect("?created_from=" + t, s -> !s.time().isBefore(t));
    expect("?created_from=" + t.plusSeconds(1), s -> s.time().isAfter(t));
    String offset = t.atOffset(ZoneOffset.ofHours(-7)).toString().replace("+", "%2B");
    expect("?created_to=" + offset, s -> !s.time().isAfter(t));
    Instant august = Instant.parse("2025-08-01T00:00:00Z");
    expect("?created_from=2025-08-01T00:00:00.000Z", s -> !s.time().isBefore(august));
  }

  @Test
  void unparseableDatesAreRejected() {
    for (String value : List.of("2025-13-01", "08/01/2025", "2025-8-1", "2025-08-01T10:00:00", "yesterday",
        "2025-08-01T10:00:00+02:00")) {
      assertThat(bad("?created_from=" + value)).startsWith("Invalid value for created_from: ");
      assertThat(bad("?created_to=" + value)).startsWith("Invalid value for created_to: ");
    }
  }

  @Test
  void workspacesWithoutSessionsAndUnknownWorkspaces() {
    String empty = data.workspaces().stream()
        .filter(w -> data.sessions(w.id()).isEmpty()).findFirst().orElseThrow().id();
    JsonNode body = client.get("/workspaces/" + empty + "/sessions").json();
    assertThat(body.get("data")).isEmpty();
    assertPagination(body, 0, 50, 0, false);
    Reply unknown = client.get("/workspaces/00000000-0000-4000-8000-000000000000/sessions");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).isEqualTo("{\"success\":false,\"error\":\"Workspace not found\"}");
    String inactive = data.workspaces().stream().filter(w -> !w.active()).findFirst().orElseThrow().id();
    JsonNode listed = client.get("/workspaces/" + inactive + "/sessions").json();
    assertThat(listed.get("pagination").get("total").asInt())
        .isEqualTo(data.sessions(inactive).size()).isPositive();
  }

  private void expect(String query, Predicate<Session> filter) {
    List<Session> expected = newestFirst(data.sessions(workspace)).stream().filter(filter).toList();
    assertThat(expected).as(query).isNotEmpty();
    JsonNode body = list(query + "&limit=100");
    assertThat(ids(body)).as(query).isEqualTo(ids(expected.subList(0, Math.min(100, expected.size()))));
    assertPagination(body, expected.size(), 100, 0, expected.size() > 100);
  }

  private JsonNode list(String query) {
    Reply reply = client.get("/workspaces/" + workspace + "/sessions" + query);
    assertThat(reply.status()).as(query).isEqualTo(200);
    return reply.json();
  }

  private String bad(String query) {
    Reply reply = client.get("/workspaces/" + workspace + "/sessions" + query);
    assertThat(reply.status()).as(query).isEqualTo(400);
    assertThat(reply.json().get("success").asBoolean()).isFalse();
    return reply.json().get("error").asText();
  }

  static void assertPagination(JsonNode body, int total, int limit, long offset, boolean hasMore) {
    JsonNode p = body.get("pagination");
    assertThat(p.get("total").asInt()).isEqualTo(total);
    assertThat(p.get("limit").asInt()).isEqualTo(limit);
    assertThat(p.get("offset").asLong()).isEqualTo(offset);
    assertThat(p.get("hasMore").isBoolean()).isTrue();
    assertThat(p.get("hasMore").asBoolean()).isEqualTo(hasMore);
  }

  static List<Session> newestFirst(List<Session> ascending) {
    return ascending.stream().sorted(Session.ASCENDING.reversed()).toList();
  }

  static List<String> ids(List<Session> sessions) {
    return sessions.stream().map(Session::id).toList();
  }

  static List<String> ids(JsonNode body) {
    return body.get("data").findValuesAsText("_id");
  }
}
