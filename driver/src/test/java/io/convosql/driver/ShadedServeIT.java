package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.Driver;
import org.checkerframework.checker.nullness.qual.Nullable;
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
    servesTheDemo(dir, JAR, null);
  }

  /**
   * {@code bin/convosql serve} (docs/server.md recommends it): its first run records serve's own
   * archive (not the shell's), from a server it starts and queries itself; the next maps it, so
   * Jetty's and Avatica's server classes come from the archive rather than the jar.
   */
  @Test
  void servesTheDemoThroughTheLauncherFromServesOwnArchive(@TempDir Path dir) throws Exception {
    Path jar = Files.copy(JAR, dir.resolve("convosql-jdbc.jar")); // its archives beside it, made anew
    String javaHome = System.getProperty("java.home");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    servesTheDemo(dir, jar, "-Djava.io.tmpdir=" + tmp);
    try (var files = Files.list(tmp)) {
      assertThat(files).as("the recording run's users file, deleted").isEmpty();
    }
    Path archive = dir.resolve(LauncherIT.archiveName(javaHome, "convosql-jdbc.serve"));
    assertThat(archive).isRegularFile();
    assertThat(dir.resolve(LauncherIT.archiveName(javaHome))).as("the shell's archive").doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).as("a partial archive")
          .noneMatch(n -> n.endsWith(".partial"));
    }
    FileTime recorded = Files.getLastModifiedTime(archive);

    Path classes = dir.resolve("classes.log");
    servesTheDemo(dir, jar, "-Xlog:class+load=info:file=" + classes);
    assertThat(Files.getLastModifiedTime(archive)).as("mapped, not recorded again").isEqualTo(recorded);
    List<String> loaded = Files.readAllLines(classes);
    // the server's start-up, and a query it answered (a result's values, in the protocol's messages)
    for (String name : List.of("org.apache.calcite.avatica.server.HttpServer", "io.convosql.driver.RemoteServer",
        "org.apache.calcite.avatica.proto.Common$ColumnValue")) {
      assertThat(loaded).as(name).filteredOn(l -> l.contains(" " + name + " ")).singleElement().asString()
          .contains("source: shared objects file");
    }
  }

  /**
   * Starts {@code serve --demo}, through {@code bin/convosql} with these JAVA_OPTS when {@code javaOpts}
   * is not null, else by {@code java -jar}; queries it through Avatica's remote driver and stops it.
   */
  private static void servesTheDemo(Path dir, Path jar, @Nullable String javaOpts) throws Exception {
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
    if (javaOpts != null) {
      command.addAll(List.of("sh", LAUNCHER.toString()));
      builder.environment().put("CONVOSQL_JAR", jar.toString());
      builder.environment().put("JAVA_OPTS", javaOpts);
      ThisJava.forLauncher(builder, ThisJava.home());
    } else {
      command.addAll(ThisJava.command());
      command.addAll(List.of("-jar", jar.toString()));
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
