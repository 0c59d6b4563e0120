package io.convosql.driver;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's JDBC-backed meta for the remote server: each client connection is a convosql connection
 * opened with the server's properties (keys, URLs) plus the few the client may set
 * ({@link ClientPropertyPolicy}). Avatica would otherwise let a client's properties override the
 * server's.
 */
final class ServerMeta extends JdbcMeta {
  ServerMeta(Properties serverProperties) throws SQLException {
    super(ConvoSqlDriver.PREFIX, serverProperties);
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Map<String, String> allowed;
    try {
      allowed = ClientPropertyPolicy.filter(info == null ? Map.of() : info);
    } catch (SQLException e) {
      throw new IllegalArgumentException(e.getMessage(), e); // Avatica sends the message to the client
    }
    super.openConnection(ch, allowed);
  }
}
