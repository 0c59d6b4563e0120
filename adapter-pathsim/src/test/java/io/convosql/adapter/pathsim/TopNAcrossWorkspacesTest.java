package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY started_at LIMIT n over every workspace merges the workspaces' sorted pages: one request
 * per workspace for n up to a page, also when a date range leaves the list a superset.
 */
class TopNAcrossWorkspacesTest {
  @Test
  void aDateRangeStillReadsOnePagePerWorkspace() throws SQLException {
    Instant since = Instant.parse("2025-08-15T06:30:00Z");
    List<String> expected = PathSimFixture.newestFirst(PathSimFixture.sessions(s -> !s.time().isBefore(since)))
        .subList(0, 25).stream().map(Session::id).toList();
    try (Connection c = PathSimFixture.connect(true)) {
      clear();
      assertThat(Sql.rows(c, "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-15 06:30:00'"
          + " ORDER BY started_at DESC LIMIT 25")).isEqualTo(expected);
    }
    int workspaces = PathSimFixture.data().workspaces().size();
    assertThat(requests()).hasSize(1 + workspaces).first().isEqualTo("GET /workspaces");
    assertThat(requests().subList(1, requests().size()))
        .allMatch(r -> r.contains("created_from=2025-08-14") && r.contains("sort=-created_at"));
  }
}
