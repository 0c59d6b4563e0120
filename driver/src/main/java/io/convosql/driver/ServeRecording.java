package io.convosql.driver;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code bin/convosql}'s recording run for {@code serve} ({@code -Dconvosql.serve.recording=true}):
 * starts {@code serve --demo} on a free loopback port as a user would, lets its warm-up finish, then
 * connects through Avatica's remote driver as a BI tool does (the table list, then one query) and
 * stops. The classes loaded on the way (Jetty, Avatica's server, the protocol's messages, a query's
 * planning) become the archive every later {@code serve} maps.
 */
final class ServeRecording {
  /** Set by bin/convosql when it records serve's archive. */
  static final String PROPERTY = "convosql.serve.recording";
  static final String QUERY = "SELECT id, started_at FROM pathsim.sessions LIMIT 1";
  /** The longest wait for the warm-up to finish: it takes a few seconds; past this, record without it. */
  private static final long WARMUP_WAIT_MS = 60_000;
  private static final String USER = "recording";

  private ServeRecording() {}

  /** Runs the recording; returns the exit status (0 when the query came back through the server). */
  static int run(PrintStream err) {
    Path users = null;
    try {
      users = Files.createTempFile("convosql-recording", ".users"); // owner-only on POSIX
      String password = UUID.randomUUID().toString();
      Files.writeString(users, USER + ": " + password + "\n");
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      ServeCommand.Start start = ServeCommand.start(
          new String[] {"--demo", "--users", users.toString(), "--port", "0"}, quiet, err);
      RemoteServer server = start.server();
      if (server == null) {
        return start.status();
      }
      try (server) {
        Thread warmup = Warmup.thread();
        if (warmup != null) {
          warmup.join(WARMUP_WAIT_MS);
        }
        query(server.port(), password);
      }
      return 0;
    } catch (IOException | SQLException e) {
      err.println("convosql serve: the recording run failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      if (users != null) {
        try {
          Files.deleteIfExists(users);
        } catch (IOException e) {
          err.println("convosql serve: could not delete " + users + ": " + e.getMessage());
        }
      }
    }
  }

  private static void query(int port, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("avatica_user", USER);
    p.setProperty("avatica_password", password);
    String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + port + ";serialization=PROTOBUF;authentication=BASIC";
    try (Connection c = DriverManager.getConnection(url, p)) {
      try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
        while (tables.next()) {
          tables.getString("TABLE_NAME");
        }
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
        if (!rs.next()) {
          throw new SQLException("no row from " + QUERY);
        }
        rs.getObject(1);
        rs.getObject(2);
      }
    }
  }
}
