package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A prepared statement's parameters say the Java class of their type, as Spring and ORMs read it
 * to pick a setter, and whether a number is signed; the parameter metadata is not the statement.
 */
class ParameterTypesTest {
  @Test
  void eachParameterNamesTheClassItsTypeMapsTo() throws SQLException {
    try (Connection c = DriverFixture.connect();
         PreparedStatement p = c.prepareStatement("SELECT id FROM pathsim.sessions WHERE started_at > ?"
             + " AND test_type = ? AND duration_seconds > ? AND test_successful = ?"
             + " AND CAST(duration_seconds AS DOUBLE) < ? AND CAST(duration_seconds AS BIGINT) <> ?"
             + " AND CAST(duration_seconds AS DECIMAL(9, 2)) <> ? LIMIT ?")) {
      ParameterMetaData pm = p.getParameterMetaData();
      List<String> seen = new ArrayList<>();
      for (int i = 1; i <= pm.getParameterCount(); i++) {
        seen.add(pm.getParameterTypeName(i) + " " + pm.getParameterClassName(i)
            + (pm.isSigned(i) ? " signed" : ""));
      }
      assertThat(seen).containsExactly("TIMESTAMP java.sql.Timestamp", "VARCHAR java.lang.String",
          "INTEGER java.lang.Integer signed", "BOOLEAN java.lang.Boolean", "DOUBLE java.lang.Double signed",
          "BIGINT java.lang.Long signed", "DECIMAL java.math.BigDecimal signed", "INTEGER java.lang.Integer signed");
      assertThat(pm).isNotSameAs(p.unwrap(PreparedStatement.class));
      assertThat(pm.isWrapperFor(PreparedStatement.class)).isFalse();
    }
  }

  @Test
  void aTextParameterOfNoSetLengthHasThePrecisionItsColumnShows() throws SQLException {
    // as ResultSetMetaData.getPrecision and getColumns' COLUMN_SIZE say of pathsim.sessions.id; it
    // was 0, which a tool sizing its input buffer by it reads as "no characters"
    try (Connection c = DriverFixture.connect();
         PreparedStatement p = c.prepareStatement("SELECT id FROM pathsim.sessions WHERE id = ?"
             + " AND test_type = CAST(? AS VARCHAR(5)) AND duration_seconds > ?")) {
      ParameterMetaData md = p.getParameterMetaData();
      assertThat(md.getPrecision(1)).isEqualTo(Integer.MAX_VALUE)
          .isEqualTo(p.getMetaData().getPrecision(1));
      assertThat(md.getPrecision(2)).isEqualTo(5); // a declared length stays
      assertThat(md.getPrecision(3)).isEqualTo(10); // an INTEGER's digits, as before
    }
  }
}
