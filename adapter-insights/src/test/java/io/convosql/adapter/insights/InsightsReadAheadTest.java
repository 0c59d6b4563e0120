package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.RecordedRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A window that reads everything requests the pages its first answer's exact total promises
 * together, not each after the one before it, and none past the end. Concurrency is seen at the
 * sandbox (a barrier only the pages requested together pass), never by timing.
 */
class InsightsReadAheadTest {
  private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-07-30T00:00:00Z");
  private static Db db;

  @BeforeAll
  static void open() throws SQLException {
    db = Db.open();
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  @AfterEach
  void noHook() {
    TestApi.sandbox().onRequest(null);
  }

  @Test
  void theLaterPagesOfAWindowAreRequestedTogetherAndNoneBeyondTheEnd() throws SQLException {
    List<String> expected = Docs.between(FROM, TO, d -> true).stream()
        .map(d -> d.get("id").asText()).sorted().toList();
    int pages = (expected.size() + 99) / 100;
    assertThat(pages).as("one window of three to nine pages").isBetween(3, 9);
    CyclicBarrier together = new CyclicBarrier(pages - 1);
    TestApi.sandbox().onRequest((RecordedRequest r) -> {
      if (!"0".equals(r.param("page_number"))) {
        try {
          together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError("the later pages were not requested together", e);
        }
      }
    });
    TestApi.clear();
    List<String> rows = db.rows("SELECT id FROM insights.sessions WHERE session_start_time >= TIMESTAMP"
        + " '2025-06-01 00:00:00' AND session_start_time < TIMESTAMP '2025-07-30 00:00:00'");
    assertThat(TestApi.sandbox().hookFailure()).isEmpty();
    assertThat(rows.stream().sorted().toList()).isEqualTo(expected);
    List<RecordedRequest> sent = TestApi.recorded();
    assertThat(sent).extracting(r -> r.param("from_date") + " " + r.param("to_date")).containsOnly(
        sent.get(0).param("from_date") + " " + sent.get(0).param("to_date"));
    assertThat(sent).extracting(r -> r.param("page_number")).containsExactlyInAnyOrderElementsOf(
        IntStream.range(0, pages).mapToObj(String::valueOf).toList());
  }
}
