package io.convosql.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Joins PathSim voice test calls to the Insights sessions they produced (the number the test dialled
 * is the agent's {@code destination}, and the agent's session starts within a few minutes of the
 * call) and prints, per virtual customer, how many calls reached the agent, the average length of the
 * agent's flow path and the tags the agent collected.
 *
 * <p>Run on the sandbox: {@code ./mvnw -B -q -pl examples -am package -DskipTests && java -cp
 * examples/target/convosql-examples.jar:driver/target/convosql-jdbc.jar
 * io.convosql.examples.AgentCallsByVirtualCustomer}; pass a JDBC URL to use the real APIs.
 */
public final class AgentCallsByVirtualCustomer {
  private static final String SQL = String.join("\n",
      "WITH calls AS (",
      "  SELECT p.virtual_customer, i.id AS session_id",
      "  FROM pathsim.sessions p",
      "  JOIN insights.sessions i",
      "    ON i.destination = p.target",
      "   AND i.session_start_time BETWEEN p.started_at AND p.started_at + INTERVAL '5' MINUTE",
      "  WHERE p.test_type = 'Voice' AND p.connected = 'Connected'",
      "    AND p.started_at >= ? AND i.session_start_time >= ?",
      "), steps AS (",
      "  SELECT session_id, COUNT(*) AS flow_steps FROM insights.flow_path",
      "  WHERE session_start_time >= ? GROUP BY session_id",
      "), tags AS (",
      "  SELECT DISTINCT session_id, tag FROM insights.tags WHERE session_start_time >= ?",
      ")",
      "SELECT c.virtual_customer,",
      "       COUNT(DISTINCT c.session_id) AS calls,",
      "       CAST(AVG(s.flow_steps) AS DECIMAL(6, 1)) AS avg_flow_steps,",
      "       LISTAGG(DISTINCT t.tag, ', ') WITHIN GROUP (ORDER BY t.tag) AS tags",
      "FROM calls c",
      "LEFT JOIN steps s ON s.session_id = c.session_id",
      "LEFT JOIN tags t ON t.session_id = c.session_id",
      "GROUP BY c.virtual_customer",
      "ORDER BY calls DESC, c.virtual_customer");

  private AgentCallsByVirtualCustomer() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:convosql:demo=true";
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Timestamp since = Timestamp.valueOf(LocalDateTime.ofInstant(
        Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC));
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement s = c.prepareStatement(SQL)) {
      for (int i = 1; i <= 4; i++) {
        s.setTimestamp(i, since);
      }
      System.out.printf("%-36s %5s %8s  %s%n", "virtual customer", "calls", "avg flow", "tags");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          System.out.printf("%-36s %5d %8s  %s%n", rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
              rs.getString(4));
        }
      }
    }
  }
}
