package io.convosql.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One start of {@code serve --demo} in a child JVM: the ms from starting the process to its "convosql
 * server on" line (ready), then the ms of the first remote query through Avatica's remote driver in
 * this JVM (connect, run, read the first row), whose client classes are loaded beforehand, at once
 * or after a pause.
 */
final class ServeStart {
  /** The two times of one start. */
  record Times(double readyMs, double firstQueryMs) {}

  private static final String USER = "bench";
  private static final String PASSWORD = "bench-password-not-secret";

  private ServeStart() {}

  /**
   * One start with these extra JVM options for the server (say {@code -Dconvosql.warmup=false}), the
   * first query {@code pauseMs} after the server is ready (a client that comes later).
   */
  static Times run(String sql, List<String> jvmOptions, long pauseMs) {
    return run(sql, jvmOptions, pauseMs, false);
  }

  /**
   * The same, started by {@code bin/convosql} (run from the repository's root: its class-data-sharing
   * archive, recorded by an earlier run) instead of {@code java} on this class path, when
   * {@code launcher}; the JVM options then go in {@code JAVA_OPTS}.
   */
  static Times run(String sql, List<String> jvmOptions, long pauseMs, boolean launcher) {
    try {
      Path users = Files.createTempFile("convosql-users", ".properties");
      Files.writeString(users, USER + ": " + PASSWORD + "\n");
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      DriverManager.getDriver("jdbc:avatica:remote:");
      List<String> command = new java.util.ArrayList<>();
      if (launcher) {
        command.addAll(List.of("sh", "bin/convosql"));
      } else {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.convosql.driver.Shell"));
      }
      command.addAll(List.of("serve", "--demo", "--users", users.toString(), "--port", Integer.toString(port)));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (launcher) {
        builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // the launcher prefers it
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
            + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      }
      long start = System.nanoTime();
      Process server = builder.start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        StringBuilder output = new StringBuilder();
        for (String line; (line = r.readLine()) != null; ) {
          output.append(line).append('\n');
          if (line.startsWith("convosql server on ")) {
            double ready = (System.nanoTime() - start) / 1e6;
            Thread.sleep(pauseMs);
            return new Times(ready, firstQuery(port, sql));
          }
        }
        throw new IllegalStateException("serve --demo ended without its ready line:\n" + output);
      } finally {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(users);
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("serve --demo: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static double firstQuery(int port, String sql) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + port
            + ";serialization=PROTOBUF;authentication=BASIC;avatica_user=" + USER + ";avatica_password=" + PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("no row: " + sql);
      }
      rs.getObject(1);
      return (System.nanoTime() - start) / 1e6;
    }
  }
}
