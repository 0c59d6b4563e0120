package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Filters that hold whatever shape the real service gives a session within what the Insights
 * document allows: a parameter's entity type as the model names it ({@code entity}, where answers
 * say {@code type}), a parameter whose value is a list (read as its JSON text), and free-text fields
 * that the service may analyse into words. Each query gives the rows of {@code pushdown=false}, and
 * the requests send no clause that could lose them.
 */
class InsightsDocumentShapesTest {
  private static final String DAY = " AND session_start_time >= TIMESTAMP '2025-08-30 00:00:00'"
      + " AND session_start_time < TIMESTAMP '2025-08-31 00:00:00'";
  private static Sandbox sandbox;
  private static Connection pushed;
  private static Connection local;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(0, 30);
    ObjectNode d = sandbox.insights().data().documents().get(0).deepCopy();
    d.put("id", "model-shaped");
    d.put("session_start_time", "2025-08-30T12:00:00.123456");
    d.put("language", "en-US");
    ArrayNode list = d.putArray("params_list");
    ObjectNode dish = list.addObject();
    dish.put("name", "dish").put("entity", "sys.food").put("value", "pizza")
        .put("value_text", "Pizza please").put("completed", true);
    ObjectNode toppings = list.addObject();
    toppings.put("name", "toppings").put("type", "sys.list").put("value_text", "ham and olives")
        .put("completed", true).putArray("value").add("ham").add("olives");
    ObjectNode params = d.putObject("params");
    params.putObject("dish").put("completed", true).put("value", "pizza");
    params.putObject("toppings").put("completed", true).putArray("value").add("ham").add("olives");
    sandbox.insights().data().add(d);
    pushed = OwnSandbox.connect(sandbox, "requestsPerSecond=0");
    local = OwnSandbox.connect(sandbox, "requestsPerSecond=0", "pushdown=false");
  }

  @AfterAll
  static void stop() throws SQLException {
    pushed.close();
    local.close();
    sandbox.close();
  }

  /** The rows with pushdown, after asserting they are those without; and the filter_by values sent. */
  private static List<String> rows(String sql, List<String> filters) {
    OwnSandbox.Outcome without = OwnSandbox.run(local, sql);
    sandbox.requests().clear();
    OwnSandbox.Outcome with = OwnSandbox.run(pushed, sql);
    assertThat((Object) with.failure()).as(sql).isNull();
    assertThat(with.rows()).as(sql).containsExactlyInAnyOrderElementsOf(without.rows());
    sandbox.requests().all().stream().map(r -> URLDecoder.decode(r.toString(), StandardCharsets.UTF_8))
        .map(r -> r.contains("filter_by=") ? r.replaceAll(".*filter_by=(\\{.*?})(&.*)?$", "$1") : "")
        .filter(Objects::nonNull).forEach(filters::add);
    return with.rows();
  }

  @Test
  void anEntityTypeIsFoundWhetherTheSessionSaysTypeOrEntity() {
    List<String> filters = new java.util.ArrayList<>();
    assertThat(rows("SELECT session_id, name, type FROM insights.parameters WHERE type = 'sys.food'"
        + DAY, filters)).containsExactly("model-shaped; dish; sys.food");
    assertThat(filters).isNotEmpty().allMatch(f -> !f.contains("params_list.type"));
  }

  @Test
  void aListValueIsFoundByItsJsonTextWithOrWithoutItsName() {
    List<String> filters = new java.util.ArrayList<>();
    assertThat(rows("SELECT session_id, name FROM insights.parameters WHERE name = 'toppings'"
        + " AND \"value\" = '[\"ham\",\"olives\"]'" + DAY, filters))
        .containsExactly("model-shaped; toppings");
    assertThat(filters).containsOnly("{\"must\":[{\"term\":{\"params_list.name\":\"toppings\"}}]}");
    filters.clear();
    assertThat(rows("SELECT session_id FROM insights.parameters WHERE \"value\" = '[\"ham\",\"olives\"]'"
        + DAY, filters)).containsExactly("model-shaped");
    assertThat(filters).containsOnly("");
    filters.clear();
    assertThat(rows("SELECT session_id FROM insights.parameters WHERE name = 'dish' AND \"value\" = 'pizza'"
        + DAY, filters)).containsExactly("model-shaped");
    assertThat(filters).containsOnly("{\"must\":[{\"term\":{\"parameters.dish\":\"pizza\"}}]}");
  }

  @Test
  void freeTextEqualitiesAreSentAsMatchOnTheirWordsOrNotAtAll() {
    List<String> filters = new java.util.ArrayList<>();
    assertThat(rows("SELECT id FROM insights.sessions WHERE language = 'en-US' AND id = 'model-shaped'"
        + DAY, filters)).containsExactly("model-shaped");
    filters.clear();
    rows("SELECT COUNT(*) FROM insights.sessions WHERE language = 'en-US'" + DAY, filters);
    assertThat(filters).containsOnly("{\"must\":[{\"match\":{\"language\":\"en-US\"}}]}");
    filters.clear();
    rows("SELECT COUNT(*) FROM insights.sessions WHERE language <> 'en-US'" + DAY, filters);
    assertThat(filters).containsOnly("");
    filters.clear();
    rows("SELECT COUNT(*) FROM insights.flow_path WHERE user_input = ''" + DAY, filters);
    assertThat(filters).containsOnly("");
    filters.clear();
    rows("SELECT COUNT(*) FROM insights.parameters WHERE value_text IN ('Pizza please', 'ham and olives')"
        + DAY, filters);
    assertThat(filters).containsOnly("{\"should\":[{\"match\":{\"params_list.value_text\":\"Pizza please\"}},"
        + "{\"match\":{\"params_list.value_text\":\"ham and olives\"}}]}");
  }
}
