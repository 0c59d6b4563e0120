package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Plain HTTP is refused for every host but loopback, before anything is sent, unless allowed. */
class InsecureHttpTest {
  @Test
  void plainHttpToARemoteHostIsRefused() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:convosql:pathsim.url=http://api.example.com/v1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("pathsim.url is a plain http:// URL for api.example.com")
        .hasMessageContaining("allowInsecureHttp=true")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:convosql:insights.url=http://10.1.2.3:8080"))
        .hasMessageContaining("insights.url is a plain http:// URL for 10.1.2.3");
  }

  @Test
  void loopbackAndOptInAreAllowed() throws SQLException {
    try (Connection c = DriverFixture.connect()) { // the fixture's sandbox is http://127.0.0.1
      assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
    }
    try (Connection c = DriverManager.getConnection(
        "jdbc:convosql:pathsim.url=http://api.example.com/v1;allowInsecureHttp=true")) {
      assertThat(c.isClosed()).isFalse(); // connecting sends nothing; no query is run against the host
    }
  }
}
