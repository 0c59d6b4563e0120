package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code getConnection} leaves to later: in a fresh JVM it loads no HTTP client (OkHttp's
 * per-client parts, Failsafe, the concurrency limits), no Caffeine cache and none of Calcite's code
 * generation ({@code RexImpTable}, which registering {@code matches} used to initialize) and no
 * Lucene (which only a call of {@code matches} needs, not even a query without one), and a
 * query that needs no API still sends nothing, nor finds its functions by reflection; a bad property
 * fails at connect as before. Checked by the classes a child JVM loads, never by times.
 */
class ConnectWorkTest {
  /** No request can reach these: the loopback discard port. */
  private static final String URL = "jdbc:convosql:pathsim.url=http://127.0.0.1:9/pathsim/v1;"
      + "pathsim.apiKey=k;insights.url=http://127.0.0.1:9/insights;insights.apiKey=k";

  @Test
  void getConnectionLoadsNoHttpClientCacheOrCodeGeneratorAndAQueryThatNeedsNoApiNoHttpClient(
      @TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.txt");
    child(List.of("-Dconvosql.warmup=false", "-Xlog:class+load:file=" + log));
    List<String> loaded = Files.readAllLines(log).stream()
        .map(l -> l.substring(l.indexOf("] ") + 2).split(" ")[0]).toList();
    int connected = loaded.indexOf(Probe.Connected.class.getName());
    int plain = loaded.indexOf(Probe.QueriedPlain.class.getName());
    int queried = loaded.indexOf(Probe.Queried.class.getName());
    assertThat(connected).as("the probe connected").isPositive();
    assertThat(plain).as("the probe ran a query without matches").isGreaterThan(connected);
    assertThat(queried).as("the probe queried").isGreaterThan(plain);
    List<String> atConnect = loaded.subList(0, connected);
    List<String> atQuery = loaded.subList(connected, queried);

    // Lucene (the word splitting of matches) waits for the first call of matches
    assertThat(loaded.subList(0, plain)).noneMatch(ConnectWorkTest::analysesWords);
    assertThat(loaded.subList(plain, queried)).contains("io.convosql.core.plan.StandardWords",
        "org.apache.lucene.analysis.standard.StandardTokenizer");

    assertThat(atConnect).contains(ConvoSqlDriver.class.getName(), "io.convosql.core.plan.LazyScalarFunction")
        .noneMatch(c -> c.startsWith("org.apache.calcite.adapter.enumerable.RexImpTable"))
        .noneMatch(ConnectWorkTest::builtByAnHttpClient)
        .noneMatch(c -> c.startsWith("com.github.benmanes.caffeine.cache.Bounded"));
    // the first query builds what it needs: Calcite's code generator and the plan cache, no client;
    // its functions (fun=postgresql) come from PostgresqlFunctions' list, not from reading the
    // annotation on each of Calcite's library operators
    assertThat(atQuery).contains("org.apache.calcite.adapter.enumerable.RexImpTable")
        .anyMatch(c -> c.startsWith("com.github.benmanes.caffeine.cache.Bounded"))
        .noneMatch(ConnectWorkTest::builtByAnHttpClient)
        .noneMatch(c -> c.startsWith("org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory"));
  }

  private static boolean analysesWords(String c) {
    return c.startsWith("org.apache.lucene.") || c.equals("io.convosql.core.plan.StandardWords");
  }

  /**
   * Whether a class is one only building an API client's transport loads: its retry policy, its
   * concurrency limit, its start-now scheduler. (Classes merely named by the client's code may be
   * loaded to verify it; OkHttp's own are loaded by the shared TLS set-up on its own thread.)
   */
  private static boolean builtByAnHttpClient(String c) {
    return c.startsWith("dev.failsafe.RetryPolicy") || c.startsWith("com.netflix.concurrency.limits.")
        || c.equals("io.convosql.core.http.SharedConcurrency")
        || c.equals("io.convosql.core.http.StartNowScheduler");
  }

  @Test
  void aTimeoutNoHttpClientCanTakeStillFailsAtConnect() {
    assertThatThrownBy(() -> DriverManager.getConnection(URL + ";readTimeoutSeconds=2147484").close())
        .isInstanceOf(SQLException.class)
        .hasMessage("Cannot open a convosql connection: timeout too large.")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }

  @Test
  void theConnectionHasNoCalciteMetadataSchema() throws SQLException {
    List<String> schemas = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL);
        ResultSet rs = c.getMetaData().getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    }
    assertThat(schemas).containsExactlyInAnyOrder("convosql", "insights", "pathsim");
  }

  private static void child(List<String> options) throws IOException, InterruptedException {
    List<String> command = ThisJava.command();
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), URL));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("true" + System.lineSeparator());
    assertThat(p.exitValue()).isZero();
  }

  /**
   * Loads the driver, connects, loads {@link Connected}, runs a query without {@code matches} and
   * loads {@link QueriedPlain}, runs a query on no API table with {@code matches}, loads
   * {@link Queried} and prints its answer.
   */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Exception {
      Class.forName(ConvoSqlDriver.class.getName());
      try (Connection c = DriverManager.getConnection(args[0])) {
        Connected.mark();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("VALUES ('a refund' LIKE '%refund%')")) {
          rs.next();
          QueriedPlain.mark();
        }
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("VALUES (\"matches\"('a refund', 'Refund'))")) {
          rs.next();
          Queried.mark();
          System.out.println(rs.getBoolean(1));
        }
      }
    }

    /** Loaded once the connection is open. */
    static final class Connected {
      private Connected() {}

      static void mark() {}
    }

    /** Loaded once the query without matches has run. */
    static final class QueriedPlain {
      private QueriedPlain() {}

      static void mark() {}
    }

    /** Loaded once the query has run. */
    static final class Queried {
      private Queried() {}

      static void mark() {}
    }
  }
}
