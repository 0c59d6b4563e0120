package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A total that may not be the exact count (a lower bound, ElasticSearch's default cap of 10,000, or
 * none) is not used: the count pages through the hits instead.
 */
class InsightsCountGuardTest {
  private static final String SQL = "SELECT COUNT(*) FROM insights.sessions WHERE" + InsightsStub.SINCE;
  private static final String THREE = "[" + InsightsStub.doc("s1", "") + "," + InsightsStub.doc("s2", "") + ","
      + InsightsStub.doc("s3", "") + "]";

  private static String countWithFirstAnswer(String countAnswer) throws SQLException {
    try (InsightsStub stub = new InsightsStub()) {
      stub.answerPageSize(1, countAnswer);
      stub.answerPageSize(100, "{\"total\":3,\"hits\":" + THREE + "}");
      String count = String.join(",", stub.rows(SQL));
      return count + " after " + stub.requestCount() + " requests";
    }
  }

  @Test
  void anExactTotalIsTheCount() throws SQLException {
    assertThat(countWithFirstAnswer("{\"total\":7,\"hits\":[" + InsightsStub.doc("s1", "") + "]}"))
        .isEqualTo("7 after 1 requests");
    assertThat(countWithFirstAnswer("{\"total\":{\"value\":7,\"relation\":\"eq\"},\"hits\":[]}"))
        .isEqualTo("7 after 1 requests");
  }

  @Test
  void aLowerBoundIsNotTheCount() throws SQLException {
    assertThat(countWithFirstAnswer("{\"total\":{\"value\":7,\"relation\":\"gte\"},\"hits\":[]}"))
        .isEqualTo("3 after 2 requests");
  }

  @Test
  void elasticsearchsDefaultCapIsNotTheCount() throws SQLException {
    assertThat(countWithFirstAnswer("{\"total\":10000,\"hits\":[]}")).isEqualTo("3 after 2 requests");
  }

  @Test
  void anAnswerWithoutATotalIsNotTheCount() throws SQLException {
    assertThat(countWithFirstAnswer("{\"hits\":[]}")).isEqualTo("3 after 2 requests");
  }
}
