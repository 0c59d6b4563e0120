package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text outside ISO-8859-1 (Hebrew, Chinese, emoji) works as a literal in {@code =}, {@code IN},
 * {@code LIKE} and {@code matches()}, written in the SQL or bound as a parameter, on both APIs: the
 * connection's default charset is UTF-8, and pushed values reach the API as the same text (sent
 * UTF-8 percent-encoded, which the sandbox decodes).
 */
class NonLatinLiteralTest {
  private static final String AGENT = "מוקד \"שירות\" 中文 😀";
  private static final String SAID = "שלום, אני רוצה 退款 😀";
  private static final String RANGE = " AND " + OwnSandbox.INSIGHTS_RANGE;
  private static Sandbox sandbox;
  private static Connection c;
  private static String id;

  @BeforeAll
  static void start() throws SQLException {
    sandbox = OwnSandbox.start(30, 40);
    ObjectNode doc = sandbox.insights().data().documents().get(0).deepCopy();
    id = "0a11ce00-0000-4000-8000-00000000d1ff";
    doc.put("id", id).put("session_start_time", "2025-08-20T10:00:00.000000");
    ((ObjectNode) doc.get("agent_information")).put("name", AGENT);
    String agentId = doc.get("agent_information").get("id").asText();
    doc.putArray("transcription").add(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("user", SAID)).addObject().put(agentId, "בסדר 好的");
    sandbox.insights().data().add(doc);
    c = OwnSandbox.connect(sandbox);
  }

  @AfterAll
  static void stop() throws SQLException {
    c.close();
    sandbox.close();
  }

  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** The rows of the query run unprepared, checked equal to the rows of the same query prepared. */
  private static List<String> both(String sql) throws SQLException {
    sandbox.requests().clear();
    OwnSandbox.Outcome plain = OwnSandbox.run(c, sql);
    assertThat((Object) plain.failure()).as(sql).isNull();
    assertThat(DriverFixture.rows(c, sql)).isEqualTo(plain.rows());
    return plain.rows();
  }

  private static List<String> params(String api, String name) {
    return sandbox.requests().of(api).stream().map(r -> r.param(name)).distinct().toList();
  }

  @Test
  void anEqualityIsATermWithTheSameText() throws SQLException {
    assertThat(both("SELECT id, agent_name FROM insights.sessions WHERE agent_name = " + quoted(AGENT) + RANGE))
        .containsExactly(id + "; " + AGENT);
    assertThat(params("insights", "filter_by")).containsExactly(
        "{\"must\":[{\"term\":{\"agent_information.name\":\"מוקד \\\"שירות\\\" 中文 😀\"}}]}");
    assertThat(both("SELECT id FROM insights.sessions WHERE agent_name = _UTF8" + quoted(AGENT) + RANGE))
        .containsExactly(id);
    sandbox.requests().clear();
    assertThat(DriverFixture.rows(c, "SELECT id FROM insights.sessions WHERE agent_name = ?" + RANGE, AGENT))
        .containsExactly(id);
    assertThat(params("insights", "filter_by")).containsExactly(
        "{\"must\":[{\"term\":{\"agent_information.name\":\"מוקד \\\"שירות\\\" 中文 😀\"}}]}");
  }

  @Test
  void anInListIsAShouldList() throws SQLException {
    assertThat(both("SELECT id FROM insights.sessions WHERE agent_name IN (" + quoted(AGENT) + ", '✓')" + RANGE))
        .containsExactly(id);
    assertThat(params("insights", "filter_by")).containsExactly("{\"should\":[{\"term\":{\"agent_information.name\":"
        + "\"מוקד \\\"שירות\\\" 中文 😀\"}},{\"term\":{\"agent_information.name\":\"✓\"}}]}");
  }

  @Test
  void likeStaysLocal() throws SQLException {
    assertThat(both("SELECT id FROM insights.sessions WHERE agent_name LIKE 'מוקד%😀'" + RANGE))
        .containsExactly(id);
    assertThat(params("insights", "filter_by")).containsOnlyNulls();
  }

  @Test
  void matchesOnTheCallersTurnsIsAMatchOnTranscriptionClient() throws SQLException {
    String sql = "SELECT session_id, line_no, text FROM insights.transcript_lines WHERE role = 'user'"
        + " AND \"matches\"(text, '退款')" + RANGE;
    assertThat(both(sql)).containsExactly(id + "; 1; " + SAID);
    assertThat(params("insights", "filter_by"))
        .containsExactly("{\"must\":[{\"match\":{\"transcription.client\":\"退款\"}}]}");
    assertThat(both("SELECT session_id, line_no FROM insights.transcript_lines WHERE role = 'agent'"
        + " AND \"matches\"(text, '好的')" + RANGE)).containsExactly(id + "; 2");
    assertThat(params("insights", "filter_by")).containsOnlyNulls();
  }

  @Test
  void pathSimLiteralsWorkPushedAndLocal() throws SQLException {
    assertThat(both("SELECT COUNT(*) FROM pathsim.workspaces WHERE name = '✓'")).containsExactly("0");
    assertThat(sandbox.requests().of("pathsim")).extracting(RecordedRequest::path).containsExactly("/workspaces", "/workspaces"); // unprepared, then prepared
    assertThat(both("SELECT COUNT(*) FROM pathsim.workspaces WHERE name IN ('שלום', '中文') OR name LIKE '%😀'"))
        .containsExactly("0");
    List<String> all = both("SELECT id FROM pathsim.sessions WHERE virtual_customer = 'שלום 中文 😀'");
    assertThat(all).isEmpty();
    assertThat(params("pathsim", "search")).containsExactly(null, "שלום 中文 😀");
    sandbox.requests().clear();
    assertThat(DriverFixture.rows(c, "SELECT id FROM pathsim.sessions WHERE virtual_customer = ?", "😀")).isEmpty();
    assertThat(params("pathsim", "search")).containsExactly(null, "😀");
  }

  /**
   * What tables.md says of characters outside Unicode's first 65,536: the length, position and
   * substring functions count them as two UTF-16 units and agree with each other, where LIKE's
   * {@code _} and ASCII read the whole character (PostgreSQL counts 1 in CHAR_LENGTH).
   */
  @Test
  void textFunctionsCountACharacterOutsideTheFirstPlaneAsTwoAndAgree() throws SQLException {
    assertThat(both("SELECT CHAR_LENGTH('😀'), CHARACTER_LENGTH('a😀'), LENGTH('😀'), POSITION('b' IN 'a😀b'),"
        + " LOCATE('b', 'a😀b'), SUBSTRING('a😀b', 2, 2), SUBSTRING('a😀b', 1, CHAR_LENGTH('a😀b')),"
        + " OCTET_LENGTH(CAST('😀' AS VARBINARY)), '😀' LIKE '_', ASCII('😀')"))
        .containsExactly("2; 3; 2; 4; 4; 😀; a😀b; 4; true; 128512");
    assertThat(DriverFixture.rows(c, "SELECT CHAR_LENGTH(?)", "😀")).containsExactly("2");
  }
}
