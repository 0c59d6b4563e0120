package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The objects the driver hands out are each equal only to itself, with a stable hash (tools keep
 * them in sets to close them), and every way back to a connection or statement leads to the object
 * the user holds, never to Calcite's underneath (SchemaCrawler reported "not all database
 * connections are closed").
 */
class ProxyIdentityTest {
  @Test
  void eachObjectEqualsItselfOnly() throws SQLException {
    try (Connection c = DriverFixture.connect(); Connection other = DriverFixture.connect();
        Statement s = c.createStatement(); PreparedStatement ps = c.prepareStatement("SELECT 1");
        ResultSet rs = s.executeQuery("SELECT id FROM pathsim.workspaces"); ResultSet prs = ps.executeQuery()) {
      for (Object o : new Object[] {c, s, ps, rs, prs}) {
        assertThat(o.equals(o)).as(o.toString()).isTrue();
        assertThat(o.hashCode()).isEqualTo(o.hashCode()).isEqualTo(System.identityHashCode(o));
      }
      assertThat(c).isNotEqualTo(other);
      assertThat((Object) s).isNotEqualTo(ps);
      Set<Object> set = new HashSet<>(Set.of(c, other, s, ps, rs, prs));
      assertThat(set).hasSize(6).contains(c, s, ps, rs, prs);
      set.remove(c);
      assertThat(set).doesNotContain(c).contains(other);
    }
  }

  @Test
  void everyWayBackLeadsToTheUsersObjects() throws SQLException {
    try (Connection c = DriverFixture.connect(); Statement s = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM pathsim.workspaces")) {
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(ps.getConnection()).isSameAs(c);
      try (ResultSet rs = s.executeQuery("SELECT id FROM pathsim.workspaces")) {
        assertThat(rs.getStatement()).isSameAs(s);
      }
      assertThat(s.execute("SELECT id FROM pathsim.workspaces")).isTrue();
      try (ResultSet rs = s.getResultSet()) {
        assertThat(rs.getStatement()).isSameAs(s);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.getStatement()).isSameAs(ps);
        assertThat(rs.getStatement().getConnection()).isSameAs(c);
      }
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getConnection()).isSameAs(c);
      try (ResultSet tables = md.getTables(null, "pathsim", "%", null)) {
        assertThat(tables.next()).isTrue();
        assertThat(tables.getStatement().getConnection()).isSameAs(c);
      }
    }
  }
}
