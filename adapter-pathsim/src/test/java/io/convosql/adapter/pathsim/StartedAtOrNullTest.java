package io.convosql.adapter.pathsim;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.convosql.adapter.pathsim.PathSimStub.onePage;
import static io.convosql.adapter.pathsim.PathSimStub.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code started_at < b OR started_at IS NULL} (the first partition of a Spark read): a session
 * without a Time is in the answer, so no date is sent (the API does not say whether its date filter
 * keeps such a session), and the range is checked on each row.
 */
class StartedAtOrNullTest {
  private static final String PAGE = onePage("[" + session("s1") + ",{\"_id\":\"s2\",\"Time\":null},"
      + session("s3").replace("08/08/2025 18:00", "08/20/2025 10:00") + "]", 3);
  private PathSimStub stub;

  @BeforeEach
  void start() throws SQLException {
    stub = new PathSimStub();
    stub.answer("/workspaces/w1/sessions", PAGE);
  }

  @AfterEach
  void stop() throws SQLException {
    stub.close();
  }

  private List<LoggedRequest> lists() {
    return stub.api.findAll(getRequestedFor(urlPathEqualTo("/v1/workspaces/w1/sessions")));
  }

  @Test
  void aRangeOrNullKeepsTheSessionsWithoutATimeAndSendsNoDate() throws SQLException {
    assertThat(stub.rows("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1' AND"
        + " (started_at < TIMESTAMP '2025-08-10 00:00:00' OR started_at IS NULL) ORDER BY id"))
        .containsExactly("s1", "s2");
    assertThat(lists()).hasSize(1);
    assertThat(lists().get(0).getQueryParams()).doesNotContainKeys("created_from", "created_to");
  }

  @Test
  void aRangeAloneSendsItsDate() throws SQLException {
    assertThat(stub.rows("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1' AND"
        + " started_at < TIMESTAMP '2025-08-10 00:00:00'")).containsExactly("s1");
    assertThat(lists()).hasSize(1);
    assertThat(lists().get(0).queryParameter("created_to").firstValue()).isEqualTo("2025-08-12");
  }

  @Test
  void aRangeOrNullFromTheOtherSide() throws SQLException {
    assertThat(stub.rows("SELECT id FROM pathsim.sessions WHERE workspace_id = 'w1' AND"
        + " (started_at IS NULL OR started_at >= TIMESTAMP '2025-08-10 00:00:00') ORDER BY id"))
        .containsExactly("s2", "s3");
  }
}
