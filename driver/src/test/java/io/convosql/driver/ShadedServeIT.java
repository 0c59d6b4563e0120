package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar convosql-jdbc.jar serve} and {@code bin/convosql serve} as users run them: Jetty and
 * Avatica's server work from the shaded jar, and Avatica's remote driver queries through it.
 */
@Tag("shaded-jar")
class ShadedServeIT {
  private static final Path JAR = Path.of(System.getProperty("convosql.jar", "target/convosql-jdbc.jar"));
  private static final Path LAUNCHER = Path.of(System.getProperty("convosql.launcher", "../bin/convosql"));

  @Test
  void servesTheDemoToAvaticasRemoteDriver(@TempDir Path dir) throws Exception {
    servesTheDemo(dir, false);
  }

  /** {@code bin/convosql serve}, which maps the shell's archive (docs/server.md recommends it). */
  @Test
  void servesTheDemoThroughTheLauncher(@TempDir Path dir) throws Exception {
    servesTheDemo(dir, true);
    assertThat(dir.resolve(LauncherIT.archiveName(System.getProperty("java.home")))).exists();
  }

  private static void servesTheDemo(Path dir, boolean launcher) throws Exception {
    Path users = dir.resolve("users.properties");
    Files.writeString(users, "bob: another-long-password\n");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command = new ArrayList<>();
    ProcessBuilder builder = new ProcessBuilder(command);
    if (launcher) {
      Path jar = Files.copy(JAR, dir.resolve("convosql-jdbc.jar")); // its archive beside it, made anew
      command.addAll(List.of("sh", LAUNCHER.toString()));
      builder.environment().put("CONVOSQL_JAR", jar.toString());
      ThisJava.forLauncher(builder, ThisJava.home());
    } else {
      command.addAll(ThisJava.command());
      command.addAll(List.of("-jar", JAR.toString()));
    }
    command.addAll(List.of("serve", "--demo", "--users", users.toString(), "--port", Integer.toString(port)));
    Process server = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(out).contains("convosql server on") && server.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(out)).as(Files.readString(err))
          .startsWith("convosql server on http://127.0.0.1:" + port + " (protobuf, BASIC authentication");
      new Driver();
      try (Connection c = DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + port
          + ";serialization=PROTOBUF;authentication=BASIC;avatica_user=bob"
          + ";avatica_password=another-long-password")) {
        assertThat(DriverFixture.rows(c, "SELECT COUNT(*) FROM pathsim.workspaces")).containsExactly("5");
      }
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    assertThat(Files.readString(err)).isEmpty();
  }

  @Test
  void refusesToStartWithoutUsers() throws IOException, InterruptedException {
    List<String> command = ThisJava.command();
    command.addAll(List.of("-jar", JAR.toString(), "serve", "--demo"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(output).contains("The server needs --users FILE");
  }
}
