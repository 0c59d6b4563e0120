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
 * {@code 'Not Achieved'}) still compares as written, and the statement says why it found nothing:
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
  void aValueThatIsNoDocumentedOneInAnySpellingGetsNoWarning() throws SQLException {
    try (Connection c = DriverFixture.connect();
        PreparedStatement other = c.prepareStatement(
            "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'SMS' OR source = 'Campaign'")) {
      count(other);
      assertThat(warnings(other)).isEmpty();
    }
  }
}
