package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An aggregate reads only the columns it uses, so it never pays for per-session details. */
class AggregateColumnsTest {
  @Test
  void countStarListsSessionsWithoutGettingTheirDetails() throws SQLException {
    try (Connection c = PathSimFixture.connect(true)) {
      PathSimFixture.clear();
      assertThat(Sql.rows(c, "SELECT COUNT(*) FROM pathsim.sessions"))
          .containsExactly(Integer.toString(PathSimFixture.data().sessions().size()));
      assertThat(PathSimFixture.requests()).noneMatch(r -> r.startsWith("GET /sessions/"));
      assertThat(Sql.explain(c, "SELECT COUNT(*) FROM pathsim.sessions"))
          .contains("columns=[[id]]").doesNotContain("GET /sessions/{id}");
    }
  }

  @Test
  void groupedAggregatesGiveTheAnswerOfAnUnpushedScan() throws SQLException {
    String sql = "SELECT test_type, source, COUNT(*), COUNT(DISTINCT virtual_customer), MIN(started_at)"
        + " FROM pathsim.sessions GROUP BY test_type, source ORDER BY test_type, source";
    List<String> pushed;
    try (Connection c = PathSimFixture.connect(true)) {
      PathSimFixture.clear();
      pushed = Sql.rows(c, sql);
      assertThat(PathSimFixture.requests()).noneMatch(r -> r.startsWith("GET /sessions/"));
    }
    try (Connection c = PathSimFixture.connect(false)) {
      assertThat(Sql.rows(c, sql)).isEqualTo(pushed);
    }
    long voiceCampaign = PathSimFixture.sessions(s -> s.testType().name().equals("VOICE")
        && s.source().name().equals("CAMPAIGN")).size();
    assertThat(pushed).anyMatch(r -> r.startsWith("Voice; Campaign; " + voiceCampaign + ";"));
    assertThat(pushed).hasSize(4);
  }
}
