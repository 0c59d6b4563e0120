package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value compared with a PathSim sessions column that the API writes in another spelling
 * ({@code 'voice'} for {@code 'Voice'}, the document's parameter value {@code 'not_achieved'} for
 * {@code 'Not Achieved'}), or with an Insights status ({@code 'Ended'} for {@code 'ended'}), still
 * compares as written, and the statement says why it found nothing:
 * a warning naming what the API writes. Before, such a query answered no rows without a word.
 */
class SpellingWarningTest {
  private static long count(PreparedStatement s) throws SQLException {
    try (ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> warnings(PreparedStatement s) throws SQLException {
    List<String> out = new ArrayList<>();
    for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
      out.add(w.getSQLState() + " " + w.getMessage());
    }
    return out;
  }

  @Test
  void aValueSpeltUnlikeTheApiFindsNothingAndSaysWhatTheApiWrites() throws SQLException {
    try (Connection c = DriverFixture.connect();
        PreparedStatement lower = c.prepareStatement(
            "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'voice'");
        PreparedStatement right = c.prepareStatement(
            "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'Voice'")) {
      assertThat(count(lower)).isZero();
      assertThat(warnings(lower)).containsExactly("01000 pathsim.sessions: test_type is compared with"
          + " 'voice' as written, but the API writes test_type as one of 'Voice', 'Web' (its parameter"
          + " type=voice stands for test_type = 'Voice'): write 'Voice', or compare LOWER(test_type) to"
          + " match in any case");
      long voice = DriverFixture.data().sessions().stream()
          .filter(s -> s.testType() == io.convosql.sandbox.pathsim.TestType.VOICE).count();
      assertThat(voice).isPositive();
      assertThat(count(right)).isEqualTo(voice);
      assertThat(warnings(right)).isEmpty();
    }
  }

  @Test
  void theDocumentsParameterValuesInAnInListAndBoundToAParameterAreNamedToo() throws SQLException {
    try (Connection c = DriverFixture.connect();
        PreparedStatement in = c.prepareStatement("SELECT COUNT(*) FROM pathsim.sessions"
            + " WHERE connected IN ('system_error', 'Connected')");
        PreparedStatement bound = c.prepareStatement(
            "SELECT COUNT(*) FROM pathsim.sessions WHERE objective = ?")) {
      count(in);
      assertThat(warnings(in)).singleElement().asString()
          .contains("connected is compared with 'system_error' as written")
          .contains("one of 'Connected', 'Failed', 'In Progress', 'System Error'")
          .contains("connected=system_error stands for connected = 'System Error'");
      bound.setString(1, "not_achieved");
      assertThat(count(bound)).isZero();
      assertThat(warnings(bound)).singleElement().asString()
          .contains("objective is compared with 'not_achieved' as written")
          .contains("write 'Not Achieved'");
      bound.clearWarnings();
      bound.setString(1, "Not Achieved");
      assertThat(count(bound)).isPositive();
      assertThat(warnings(bound)).isEmpty();
    }
  }

  @Test
  void insightsStatusesAreNamedAsTheDocumentWritesThem() throws SQLException {
    String window = " AND session_start_time >= TIMESTAMP '2025-01-01 00:00:00'";
    try (Connection c = DriverFixture.connect("insights.url=" + DriverFixture.SANDBOX.insightsUrl(),
            "insights.apiKey=" + io.convosql.sandbox.Sandbox.INSIGHTS_KEY);
        PreparedStatement count = c.prepareStatement(
            "SELECT COUNT(*) FROM insights.sessions WHERE status = 'Ended'" + window);
        PreparedStatement rows = c.prepareStatement(
            "SELECT id FROM insights.sessions WHERE call_status IN ('In Progress')" + window);
        PreparedStatement right = c.prepareStatement(
            "SELECT COUNT(*) FROM insights.sessions WHERE status = 'ended'" + window)) {
      assertThat(count(count)).isZero();
      assertThat(warnings(count)).containsExactly("01000 insights.sessions: status is compared with"
          + " 'Ended' as written, but the API writes status as one of 'ended', 'in_progress': write"
          + " 'ended', or compare LOWER(status) to match in any case");
      try (ResultSet rs = rows.executeQuery()) {
        assertThat(rs.next()).isFalse();
      }
      assertThat(warnings(rows)).singleElement().asString()
          .contains("call_status is compared with 'In Progress' as written")
          .contains("write 'in_progress'");
      assertThat(count(right)).isPositive();
      assertThat(warnings(right)).isEmpty();
    }
  }

  @Test
  void aValueThatIsNoDocumentedOneInAnySpellingGetsNoWarning() throws SQLException {
    try (Connection c = DriverFixture.connect();
        PreparedStatement other = c.prepareStatement(
            "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'SMS' OR source = 'Campaign'")) {
      count(other);
      assertThat(warnings(other)).isEmpty();
    }
  }
}
