package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A service whose clock runs ahead of the client's stamps a session that has just begun a little
 * "in the future". Scans read up to five minutes past the client's now, so "the last hour" and an
 * explicit later bound still find it; before, both found nothing.
 */
class InsightsClockSkewTest {
  @Test
  void aSessionStampedAheadOfThisClockIsStillRead() throws SQLException {
    try (Sandbox sandbox = OwnSandbox.start(0, 5)) {
      ObjectNode d = sandbox.insights().data().documents().get(0).deepCopy();
      Instant ahead = Instant.now().plusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
      d.put("id", "stamped-ahead").put("session_start_time",
          LocalDateTime.ofInstant(ahead, ZoneOffset.UTC).toString());
      sandbox.insights().data().add(d);
      try (Connection c = OwnSandbox.connect(sandbox, "requestsPerSecond=0")) {
        assertThat(OwnSandbox.run(c, "SELECT id FROM insights.sessions"
            + " WHERE session_start_time >= now() - INTERVAL '1' HOUR").rows()).containsExactly("stamped-ahead");
        assertThat(OwnSandbox.run(c, "SELECT id FROM insights.sessions WHERE session_start_time"
            + " >= now() - INTERVAL '1' HOUR AND session_start_time < now() + INTERVAL '1' DAY").rows())
            .containsExactly("stamped-ahead");
      }
    }
  }
}
