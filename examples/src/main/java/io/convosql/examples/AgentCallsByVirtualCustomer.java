package io.convosql.examples;

import java.math.BigDecimal;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Joins PathSim voice test calls to the Insights sessions they produced (the number the test dialled
 * is the agent's {@code destination}, and the agent's session starts within a few minutes of the
 * call) and prints, per virtual customer, how many calls reached the agent, the average length of the
 * agent's flow path and the tags the agent collected, in alphabetical order.
 *
 * <p>Run on the sandbox: {@code ./mvnw -B -q -pl examples -am package -DskipTests && java -cp
 * examples/target/convosql-examples.jar:driver/target/convosql-jdbc.jar
 * io.convosql.examples.AgentCallsByVirtualCustomer}; pass a JDBC URL to use the real APIs.
 */
public final class AgentCallsByVirtualCustomer {
  /**
   * The query: one row per virtual customer, from one run of the calls join. Its tags come as one
   * list per customer, separated by the unit separator (U+001F, a control character no tag uses, where a
   * tag may well contain {@code ", "}), built from each call's list, in no particular order
   * and with repeats; {@link #lines} sorts them and keeps each once. (Sorting them in SQL, with
   * {@code LISTAGG(DISTINCT …) WITHIN GROUP (ORDER BY …)} beside {@code COUNT(DISTINCT …)}, meets a
   * Calcite 1.41 bug: AggregateExpandDistinctAggregatesRule moves the arguments to a new input but
   * keeps the WITHIN GROUP order's column numbers of the old one.) Each call is one row of
   * {@code per_call}, so a call with several tags counts once in the average. The average (a DOUBLE,
   * as the driver makes the AVG of a whole-number column) is rounded before the CAST to DECIMAL,
   * which cuts off digits.
   */
  static final String SQL = String.join("\n",
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
      "  SELECT session_id, tag FROM insights.tags WHERE session_start_time >= ?",
      "), per_call AS (",
      "  SELECT c.virtual_customer, c.session_id, MIN(s.flow_steps) AS flow_steps,",
      "         LISTAGG(t.tag, U&'\\001F') AS tags",
      "  FROM calls c",
      "  LEFT JOIN steps s ON s.session_id = c.session_id",
      "  LEFT JOIN tags t ON t.session_id = c.session_id",
      "  GROUP BY c.virtual_customer, c.session_id",
      ")",
      "SELECT virtual_customer, COUNT(*) AS calls,",
      "       CAST(ROUND(AVG(flow_steps), 1) AS DECIMAL(6, 1)) AS avg_flow_steps,",
      "       LISTAGG(tags, U&'\\001F') AS tags",
      "FROM per_call",
      "GROUP BY virtual_customer",
      "ORDER BY calls DESC, virtual_customer");

  /** What the query's LISTAGGs put between tags. */
  static final String SEPARATOR = "\u001F";

  /** One printed line: a virtual customer's calls, average flow path length and tags. */
  record Line(String virtualCustomer, long calls, BigDecimal avgFlowSteps, String tags) {}

  private AgentCallsByVirtualCustomer() {}

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:convosql:demo=true";
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Timestamp since = Timestamp.valueOf(LocalDateTime.ofInstant(
        Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC));
    try (Connection c = DriverManager.getConnection(url)) {
      System.out.printf("%-36s %5s %8s  %s%n", "virtual customer", "calls", "avg flow", "tags");
      for (Line l : lines(c, since)) {
        System.out.printf("%-36s %5d %8s  %s%n", l.virtualCustomer(), l.calls(), l.avgFlowSteps(), l.tags());
      }
    }
  }

  /** The query's rows for calls since {@code since} (a UTC wall-clock time). */
  static List<Line> lines(Connection c, Timestamp since) throws SQLException {
    List<Line> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      for (int i = 1; i <= 4; i++) {
        s.setTimestamp(i, since);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Line(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3),
              sorted(rs.getString(4))));
        }
      }
    }
    return out;
  }

  /** The tags of a list separated by U+001F in alphabetical order, each once, for display; null for none. */
  static String sorted(String tags) {
    return tags == null ? null
        : Arrays.stream(tags.split(SEPARATOR)).sorted().distinct().collect(Collectors.joining(", "));
  }
}
