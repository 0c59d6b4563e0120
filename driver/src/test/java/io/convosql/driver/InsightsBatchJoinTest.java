package io.convosql.driver;

import static io.convosql.driver.DriverFixture.SANDBOX;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A join on the Insights session id whose Insights side has a lower bound on session_start_time
 * fetches that side by batches of the other side's keys: per window one search for each group of a
 * batch's 100 keys that a URL takes, with the keys as {@code should} terms, instead of reading every
 * session of the range. Without a bound it
 * stays a hash join over one scan of the lookback window (a batch would be a get per key).
 */
class InsightsBatchJoinTest {
  private static final String RANGE = " i.session_start_time >= TIMESTAMP '2025-06-01 00:00:00'"
      + " AND i.session_start_time < TIMESTAMP '2025-07-20 00:00:00'";
  private static Connection on;
  private static Connection off;

  @BeforeAll
  static void connect() throws SQLException {
    String url = "insights.url=" + SANDBOX.insightsUrl();
    String key = "insights.apiKey=" + Sandbox.INSIGHTS_KEY;
    on = DriverFixture.connect(url, key);
    off = DriverFixture.connect("pushdown=false", url, key);
  }

  @AfterAll
  static void close() throws SQLException {
    on.close();
    off.close();
  }

  /** The ids of the sandbox's Insights sessions that started in the query's range. */
  static List<String> inRange() {
    Instant from = Instant.parse("2025-06-01T00:00:00Z");
    Instant to = Instant.parse("2025-07-20T00:00:00Z");
    List<String> ids = new ArrayList<>();
    for (JsonNode d : SANDBOX.insights().data().documents()) {
      Instant start = Instant.parse(d.get("session_start_time").asText() + (d.get("session_start_time")
          .asText().endsWith("Z") ? "" : "Z"));
      if (!start.isBefore(from) && start.isBefore(to)) {
        ids.add(d.get("id").asText());
      }
    }
    return ids;
  }

  private static String values(List<String> keys) {
    return keys.stream().map(k -> "(CAST('" + k + "' AS VARCHAR(" + Math.max(64, k.length()) + ")))")
        .collect(Collectors.joining(", "));
  }

  private static List<String> sorted(List<String> rows) {
    List<String> out = new ArrayList<>(rows);
    out.sort(null);
    return out;
  }

  @Test
  void aBatchOfKeysIsOneSearchWithShouldTermsPerWindow() throws SQLException {
    List<String> real = inRange();
    assertThat(real).as("sessions in the range").hasSizeGreaterThanOrEqualTo(2);
    List<String> keys = new ArrayList<>(real.subList(0, 2));
    // 148 more keys no session has, as long as session ids: 150 keys are batches of 100 and 50, and
    // the 100 two searches, as many ids as the 8,000 bytes of a URL take (92) and the rest (a search
    // naming all 100 was past the 8 KB request line that nginx and the sandbox take, and failed with 414)
    IntStream.range(0, 148).forEach(i -> keys.add(
        java.util.UUID.nameUUIDFromBytes(("no-such-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString()));
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE" + RANGE;
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableBatchNestedLoopJoin")
        .contains("filter_by={\"should\":[{\"term\":{\"id\":\"$cor0.");
    List<String> local = sorted(rows(off, sql));
    assertThat(local).hasSize(2);
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, sql))).isEqualTo(local);
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    // one window (49 days), two batches: three searches, each answered
    assertThat(sent).hasSize(3);
    assertThat(sent).extracting(r -> r.param("filter_by").split("\"term\"").length - 1)
        .containsExactly(92, 8, 50);
    assertThat(sent).allMatch(r -> r.path().equals("/insights/sessions") && r.status() == 200);
  }

  /**
   * A batch is searched in the windows even when it holds one key: the keys of a join's other side
   * often name no session, and a search by id would then be followed by the windows all the same.
   */
  @Test
  void aBatchOfOneKeyIsStillOneSearchPerWindow() throws SQLException {
    List<String> keys = new ArrayList<>(inRange().subList(0, 2));
    IntStream.range(0, 99).forEach(i -> keys.add(
        java.util.UUID.nameUUIDFromBytes(("none-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString()));
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE" + RANGE;
    List<String> local = sorted(rows(off, sql));
    assertThat(local).hasSize(2);
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, sql))).isEqualTo(local);
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    // 101 keys: a batch of 100 as should terms (two searches, as the URL takes them), and one of 1 as a
    // must term
    assertThat(sent).extracting(r -> r.param("filter_by").split("\"term\"").length - 1)
        .containsExactlyInAnyOrder(92, 8, 1);
    assertThat(sent).allMatch(r -> r.path().equals("/insights/sessions") && r.status() == 200);
  }

  /**
   * Below a LIMIT, only the batches the join reads are searched: a batch's keys are one search per
   * window (or two, as the URL takes them), answered in the service's order, not the keys', so the join
   * reads a batch's searches whole, as without a LIMIT, and stops after the batch that holds the
   * LIMIT's rows. 150 keys, the real ones in the first batch: its two searches, not the second's.
   */
  @Test
  void belowALimitOnlyTheBatchesReadAreSearched() throws SQLException {
    List<String> keys = new ArrayList<>(inRange().subList(0, 2));
    keys.addAll(noSuch("limit-", 148, 36));
    String join = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE" + RANGE;
    String sql = join + " LIMIT 1";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql))).contains("EnumerableBatchNestedLoopJoin")
        .contains("filter_by={\"should\":[{\"term\":{\"id\":\"$cor").doesNotContain("until the LIMIT's rows");
    List<String> local = rows(off, join);
    assertThat(local).hasSize(2);
    SANDBOX.requests().clear();
    assertThat(rows(on, sql)).hasSize(1).isSubsetOf(local);
    assertThat(SANDBOX.requests().of("insights")).extracting(r -> r.param("filter_by").split("\"term\"").length - 1)
        .containsExactly(92, 8);
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, join))).isEqualTo(sorted(local));
    assertThat(SANDBOX.requests().of("insights")).extracting(r -> r.param("filter_by").split("\"term\"").length - 1)
        .containsExactly(92, 8, 50);
  }

  /** Keys no session has, {@code length} characters each, made from {@code seed}. */
  private static List<String> noSuch(String seed, int n, int length) {
    return IntStream.range(0, n).mapToObj(i -> (seed + i + "-" + "x".repeat(length)).substring(0, length)).toList();
  }

  /** The searches a join of these keys with the sessions of the range sent, as their numbers of terms. */
  private static List<Integer> searched(List<String> keys) throws SQLException {
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE" + RANGE;
    List<String> local = sorted(rows(off, sql));
    assertThat(local).hasSize(2);
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, sql))).isEqualTo(local);
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    assertThat(sent).allMatch(r -> r.path().equals("/insights/sessions") && r.status() == 200);
    return sent.stream().map(r -> r.param("filter_by").split("\"term\"").length - 1).toList();
  }

  /** 60 keys are one batch, and in one window one search (in batches of 50, two: 50 and 10). */
  @Test
  void sixtyKeysInOneWindowAreOneSearch() throws SQLException {
    List<String> keys = new ArrayList<>(inRange().subList(0, 2));
    keys.addAll(noSuch("sixty-", 58, 36));
    assertThat(searched(keys)).containsExactly(60);
  }

  /**
   * Keys longer than session ids are searched in as many groups as keep each URL within 8,000 bytes,
   * never one the sandbox refuses with 414 (in batches of 50: 39 and 11, then 10, three searches).
   */
  @Test
  void keysTooLongForOneSearchAreSplitNeverA414() throws SQLException {
    List<String> keys = new ArrayList<>(inRange().subList(0, 2));
    keys.addAll(noSuch("long-", 58, 150));
    // 150 characters a key: 39 in the first URL, the other 21 in a second
    assertThat(searched(keys)).containsExactly(39, 21);
  }

  /**
   * A {@code <>} on the Insights side of a batch join is checked here, not sent with the keys (so that a
   * key's session read in a window ends that key's search even when the filter drops it): EXPLAIN shows
   * the search as it is sent, the keys alone. Before, it showed a {@code must_not} no request carried.
   */
  @Test
  void aBatchsSearchIsExplainedAsSentWithoutTheOtherSidesMustNot() throws SQLException {
    List<String> keys = new ArrayList<>(inRange().subList(0, 2));
    keys.addAll(noSuch("ne-", 3, 36));
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE" + RANGE + " AND i.channel <> 'no-such-channel'";
    String explained = String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql));
    assertThat(explained).contains("EnumerableBatchNestedLoopJoin")
        .contains("channel <> no-such-channel")
        .contains("filter_by={\"should\":[{\"term\":{\"id\":\"$cor0.1\"}}").doesNotContain("must_not");
    List<String> local = sorted(rows(off, sql));
    assertThat(local).hasSize(2);
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, sql))).isEqualTo(local);
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).param("filter_by")).startsWith("{\"should\":[{\"term\":{\"id\":").doesNotContain("must_not");
  }

  /** Every Insights session's id, by start time, oldest first. */
  private static List<String> allIds() {
    return SANDBOX.insights().data().documents().stream().map(d -> d.get("id").asText()).toList();
  }

  /** A range of eleven 59-day windows (601 days), every sandbox session in its newest few. */
  private static final String WIDE = " i.session_start_time >= TIMESTAMP '2024-01-10 00:00:00'"
      + " AND i.session_start_time < TIMESTAMP '2025-09-02 00:00:00'";

  /**
   * 300 keys over eleven windows are three batches of two searches a window, 66 at most, where one
   * scan of the windows is a page each (the planner expects 25 pages of a range): a hash join. Before,
   * the batch join was chosen whatever its requests and sent 20 searches where the scan sends 12.
   */
  @Test
  void manyKeysOverManyWindowsAreAHashJoinOverOneScan() throws SQLException {
    List<String> keys = new ArrayList<>(allIds());
    keys.addAll(noSuch("wide-", 300 - keys.size(), 36));
    assertThat(keys).hasSize(300);
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE" + WIDE;
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableHashJoin").doesNotContain("BatchNestedLoop").doesNotContain("$cor");
    List<String> local = sorted(rows(off, sql));
    assertThat(local).hasSize(allIds().size());
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, sql))).isEqualTo(local);
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    assertThat(sent).allMatch(r -> r.path().equals("/insights/sessions") && r.status() == 200
        && r.param("filter_by") == null);
    // each window a page, the one of May and June two (more than 100 sessions)
    assertThat(sent).extracting(r -> r.param("to_date").substring(0, 10) + " page " + r.param("page_number"))
        .containsExactlyInAnyOrder("2024-01-21 page 0", "2024-03-20 page 0", "2024-05-18 page 0",
            "2024-07-16 page 0", "2024-09-13 page 0", "2024-11-11 page 0", "2025-01-09 page 0",
            "2025-03-09 page 0", "2025-05-07 page 0", "2025-07-05 page 0", "2025-07-05 page 1",
            "2025-09-02 page 0");
  }

  /**
   * Five keys, the newest sessions, over five windows are one batch: one search of the newest window
   * finds them all, where one scan of the windows is a page each at least.
   */
  @Test
  void fewKeysOverManyWindowsAreABatchThatEndsWhenAllAreFound() throws SQLException {
    List<String> all = allIds();
    List<String> keys = all.subList(all.size() - 5, all.size());
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k WHERE i.session_start_time >= TIMESTAMP"
        + " '2025-01-01 00:00:00' AND i.session_start_time < TIMESTAMP '2025-09-02 00:00:00'";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .contains("EnumerableBatchNestedLoopJoin").doesNotContain("EnumerableHashJoin");
    List<String> local = sorted(rows(off, sql));
    assertThat(local).hasSize(5);
    SANDBOX.requests().clear();
    assertThat(sorted(rows(on, sql))).isEqualTo(local);
    List<RecordedRequest> sent = SANDBOX.requests().of("insights");
    assertThat(sent).hasSize(1);
    RecordedRequest search = sent.get(0);
    assertThat(search.path()).isEqualTo("/insights/sessions");
    assertThat(search.param("to_date")).startsWith("2025-09-02T00:00:00");
    assertThat(search.param("filter_by")).isEqualTo(keys.stream()
        .map(k -> "{\"term\":{\"id\":\"" + k + "\"}}").collect(Collectors.joining(",", "{\"should\":[", "]}")));
  }

  @Test
  void withoutALowerBoundTheInsightsSideIsScannedOnce() throws SQLException {
    String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(inRange()) + ") AS v(k)"
        + " JOIN insights.sessions i ON i.id = v.k";
    assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql)))
        .doesNotContain("BatchNestedLoop").doesNotContain("$cor");
  }

  /**
   * Three keys over ten years (62 windows) stay a batch join: one search a window at most, never more
   * than the scan's page a window; a LEFT JOIN keeps the keys no session has, as with pushdown off.
   */
  @Test
  void threeKeysOverTenYearsStayABatchAndALeftJoinKeepsTheUnfound() throws SQLException {
    List<String> all = allIds();
    List<String> keys = new ArrayList<>(all.subList(all.size() - 2, all.size()));
    keys.addAll(noSuch("left-", 1, 36));
    String range = " AND i.session_start_time >= TIMESTAMP '2015-09-01 00:00:00'"
        + " AND i.session_start_time < TIMESTAMP '2025-09-02 00:00:00'";
    for (String join : List.of("JOIN", "LEFT JOIN")) {
      String sql = "SELECT v.k, i.agent_name FROM (VALUES " + values(keys) + ") AS v(k) " + join
          + " insights.sessions i ON i.id = v.k" + range;
      assertThat(String.join("\n", rows(on, "EXPLAIN PLAN FOR " + sql))).as(sql)
          .contains("EnumerableBatchNestedLoopJoin");
      List<String> local = sorted(rows(off, sql));
      assertThat(local).as(sql).hasSize(join.equals("JOIN") ? 2 : 3);
      SANDBOX.requests().clear();
      assertThat(sorted(rows(on, sql))).as(sql).isEqualTo(local);
      assertThat(SANDBOX.requests().of("insights")).as(sql).hasSizeLessThanOrEqualTo(62);
    }
  }
}
