package io.convosql.adapter.pathsim;

import static io.convosql.adapter.pathsim.PathSimFixture.clear;
import static io.convosql.adapter.pathsim.PathSimFixture.requests;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY started_at LIMIT n over every workspace merges the workspaces' sorted sessions: per
 * workspace, one page in the API's order (with the range's created_from) gives n candidates, and the
 * days from the day before the n-th are then read whole, since created_at need not be the start time
 * ({@link SortedSessions}).
 */
class TopNAcrossWorkspacesTest {
  @Test
  void aDateRangeReadsACandidatePageAndAWindowPerWorkspace() throws SQLException {
    Instant since = Instant.parse("2025-08-15T06:30:00Z");
    List<String> expected = PathSimFixture.newestFirst(PathSimFixture.sessions(s -> !s.time().isBefore(since)))
        .subList(0, 25).stream().map(Session::id).toList();
    try (Connection c = PathSimFixture.connect(true)) {
      clear();
      assertThat(Sql.rows(c, "SELECT id FROM pathsim.sessions WHERE started_at >= TIMESTAMP '2025-08-15 06:30:00'"
          + " ORDER BY started_at DESC LIMIT 25")).isEqualTo(expected);
    }
    List<String> sent = new ArrayList<>(List.of("GET /workspaces"));
    for (Workspace w : PathSimFixture.data().workspaces()) {
      String list = "GET /workspaces/" + w.id() + "/sessions?";
      sent.add(list + "created_from=2025-08-14&limit=100&offset=0&sort=-created_at");
      List<Session> own = PathSimFixture.newestFirst(
          PathSimFixture.sessions(s -> s.workspaceId().equals(w.id()) && !s.time().isBefore(since)));
      if (own.size() >= 25) {
        LocalDate from = LocalDate.ofInstant(own.get(24).time(), ZoneOffset.UTC).minusDays(1);
        // a window no narrower than the range's: the first listing is read on instead
        boolean on = !from.isAfter(LocalDate.parse("2025-08-14"));
        from = on ? LocalDate.parse("2025-08-14") : from;
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        long inWindow = PathSimFixture.sessions(s -> s.workspaceId().equals(w.id())
            && !s.time().isBefore(start)).size();
        for (long offset = on ? 100 : 0; offset == 0 || offset < inWindow; offset += 100) {
          sent.add(list + "created_from=" + from + "&limit=100&offset=" + offset + "&sort=-created_at");
        }
      }
    }
    assertThat(sent.size()).isGreaterThan(1 + PathSimFixture.data().workspaces().size());
    assertThat(requests()).first().isEqualTo("GET /workspaces");
    assertThat(requests()).containsExactlyInAnyOrderElementsOf(sent);
  }
}
