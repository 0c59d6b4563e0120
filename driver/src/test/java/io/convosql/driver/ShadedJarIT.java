package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as users get it: {@code java -jar convosql-jdbc.jar} in its own process (the shell),
 * and its entries (the driver that DBeaver and Spark load, with their libraries moved out of the way).
 */
@Tag("shaded-jar")
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("convosql.jar", "target/convosql-jdbc.jar"));
  private static final String COUNT = "SELECT COUNT(*) FROM pathsim.workspaces";
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    assertThat(JAR).isRegularFile();
    sandbox = Sandbox.builder().seed(3).pathSimSessions(200).insightsSessions(10)
        .now(Instant.parse("2025-09-01T12:00:00Z")).start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** What one run of the jar printed and returned. */
  private record Run(int exit, String out, String err) {}

  /** Runs {@code java [jvmOptions] -jar convosql-jdbc.jar args} with the given environment additions. */
  private static Run run(List<String> jvmOptions, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(ThisJava.command());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("convosql-out", ".txt");
    Path err = Files.createTempFile("convosql-err", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().remove("PATHSIM_API_KEY");
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the jar did not exit within 90 s: " + command
            + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static Run run(String... args) throws IOException, InterruptedException {
    return run(List.of(), Map.of(), args);
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    Run run = run("--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("convosql shell: SQL over the PathSim and Insights APIs")
        .contains("java -jar convosql-jdbc.jar --demo", "-e SQL", "--url URL");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void noConnectionIsAUsageError() throws Exception {
    Run run = run();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("java -jar convosql-jdbc.jar --demo");
  }

  @Test
  void aDemoStatementPrintsItsResultCleanlyAndExitsZero() throws Exception {
    Run run = run("--demo", "-e", COUNT);
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).contains("| EXPR$0 |", "| 5      |");
    assertThat(run.err()).doesNotContain("SLF4J:");
    // Nothing but sqlline's row count: no logging, terminal or isolation warnings, no banner.
    assertThat(run.err().strip()).matches("1 row selected \\([0-9.]+ seconds\\)");
  }

  @Test
  void aFailingStatementExitsNonZeroWithItsReason() throws Exception {
    Run run = run("--url", "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl(), "-e",
        "SELECT * FROM pathsim.no_such_table");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Error: Error while executing SQL \"SELECT * FROM pathsim.no_such_table\":")
        .contains("Object 'no_such_table' not found within 'pathsim'")
        .doesNotContain("\tat ", "SLF4J:");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aMistypedPropertyFailsTheShellWithASuggestion() throws Exception {
    Run run = run("--url", "jdbc:convosql:pathsim.apikey=sk-IT-typo-secret", "-e", COUNT);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Unknown connection property 'pathsim.apikey'. Did you mean 'pathsim.apiKey'?")
        .doesNotContain("\tat ");
  }

  @Test
  void theKeyComesFromTheEnvironmentAndTimesAreUtcWallClock() throws Exception {
    Session session = sandbox.pathSim().data().sessions().get(17);
    String wallClock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .format(LocalDateTime.ofInstant(session.time(), ZoneOffset.UTC));
    sandbox.requests().clear();
    Run run = run(List.of("-Duser.timezone=America/Los_Angeles"), Map.of("PATHSIM_API_KEY", Sandbox.PATHSIM_KEY),
        "--url", "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl(), "--outputformat=csv",
        "-e", "SELECT id, started_at FROM pathsim.sessions WHERE id = '" + session.id() + "'");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("\"id\",\"started_at\"", "\"" + session.id() + "\",\"" + wallClock + ".0\"");
    // the session, then (its date reading the same month first and day first on a fresh
    // connection) the lists that prove which way Time is written, every one with the key
    List<RecordedRequest> sent = sandbox.requests().of("pathsim");
    assertThat(sent).extracting(RecordedRequest::toString, RecordedRequest::hadAuthorization)
        .startsWith(tuple("GET /sessions/" + session.id(), true));
    assertThat(sent).allMatch(RecordedRequest::hadAuthorization).hasSizeLessThanOrEqualTo(3);
    assertThat(sent.subList(1, sent.size())).extracting(RecordedRequest::toString).allMatch(r ->
        r.equals("GET /workspaces") || r.matches("GET /workspaces/[^/]+/sessions\\?created_from=.*&limit=100"));
  }

  @Test
  void aRejectedKeyIsReportedWithoutShowingIt() throws Exception {
    String key = "sk-IT-WRONG-4242";
    Run run = run(List.of(), Map.of("PATHSIM_API_KEY", key),
        "--url", "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl(), "-e", COUNT);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("PathSim rejected the API key").contains("HTTP 401");
    assertThat(run.out() + run.err()).doesNotContain(key);
  }

  @Test
  void queriesCompileWithTheRelocatedLibraries() throws Exception {
    // Janino compiles every query; MD5 runs on commons-codec, JSON_VALUE on json-path, the API
    // answers on Jackson and OkHttp: all of them relocated.
    int longestName = sandbox.pathSim().data().workspaces().stream().mapToInt(w -> w.name().length()).max().orElseThrow();
    Run run = run(List.of(), Map.of("PATHSIM_API_KEY", Sandbox.PATHSIM_KEY),
        "--url", "jdbc:convosql:pathsim.url=" + sandbox.pathSimUrl() + ";fun=mysql", "--outputformat=csv", "-e",
        "SELECT MD5('a'), JSON_VALUE('{\"a\": {\"b\": 7}}', '$.a.b'), COUNT(*), MAX(CHAR_LENGTH(name))"
            + " FROM pathsim.workspaces WHERE is_active OR NOT is_active");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("\"EXPR$0\",\"EXPR$1\",\"EXPR$2\",\"EXPR$3\"",
        "\"0cc175b9c0f1b6a831c399e269772661\",\"7\",\"" + sandbox.pathSim().data().workspaces().size() + "\",\""
            + longestName + "\"");
  }

  @Test
  void matchesSplitsWordsWithTheRelocatedLucene() throws Exception {
    Run words = run("--demo", "--outputformat=csv", "-e", "VALUES (\"matches\"('Go to chatbot.com', 'CHATBOT.COM'),"
        + " \"matches\"('Go to chatbot.com', 'chatbot'), \"matches\"('我想要退款', '款'))");
    assertThat(words.exit()).as(words.err()).isZero();
    assertThat(words.out().lines()).containsExactly("\"EXPR$0\",\"EXPR$1\",\"EXPR$2\"", "\"true\",\"false\",\"true\"");
    // pushed as match to the demo's sandbox, which analyses with the same relocated Lucene
    Run pushed = run("--demo", "--outputformat=csv", "-e", "SELECT COUNT(*) > 0 FROM insights.transcript_lines"
        + " WHERE role = 'user' AND \"matches\"(text, 'pizza')"
        + " AND session_start_time >= CURRENT_TIMESTAMP - INTERVAL '30' DAY");
    assertThat(pushed.exit()).as(pushed.err()).isZero();
    assertThat(pushed.out().lines()).containsExactly("\"EXPR$0\"", "\"true\"");
  }

  /** An entry's name as a class loader sees it: without a multi-release prefix. */
  private static String logicalName(ZipEntry e) {
    return e.getName().replaceFirst("^META-INF/versions/\\d+/", "");
  }

  @Test
  void theJarIsTheDriverAndItsLibrariesAreRelocated() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getEntry("io/convosql/driver/ConvoSqlDriver.class")).isNotNull();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.convosql.driver.Shell");
      ZipEntry services = jar.getEntry("META-INF/services/java.sql.Driver");
      assertThat(services).isNotNull();
      assertThat(new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)).contains("io.convosql.driver.ConvoSqlDriver");
      List<String> names = jar.stream().map(ShadedJarIT::logicalName).toList();
      assertThat(names).filteredOn(n -> n.endsWith(".class")).noneMatch(n -> n.startsWith("com/fasterxml/jackson/")
          || n.startsWith("com/google/common/") || n.startsWith("com/google/thirdparty/")
          || n.startsWith("okhttp3/") || n.startsWith("okio/") || n.startsWith("kotlin/")
          || n.startsWith("org/codehaus/") || n.startsWith("org/slf4j/") || n.startsWith("org/apache/commons/")
          || n.startsWith("com/google/protobuf/") || n.startsWith("org/yaml/") || n.startsWith("com/jayway/")
          || n.startsWith("net/minidev/") || n.startsWith("org/objectweb/") || n.startsWith("dev/failsafe/")
          || n.startsWith("com/github/benmanes/") || n.startsWith("org/apache/lucene/"));
      assertThat(names).contains("io/convosql/shaded/jackson/databind/ObjectMapper.class",
          "io/convosql/shaded/guava/collect/ImmutableList.class", "io/convosql/shaded/okhttp3/OkHttpClient.class",
          "io/convosql/shaded/kotlin/Unit.class", "io/convosql/shaded/codehaus/janino/CompilerFactory.class",
          "io/convosql/shaded/slf4j/impl/StaticLoggerBinder.class",
          "io/convosql/shaded/failsafe/RetryPolicy.class",
          "io/convosql/shaded/okhttp3/logging/HttpLoggingInterceptor.class",
          "io/convosql/shaded/lucene/analysis/standard/StandardTokenizer.class");
      ZipEntry compiler = jar.getEntry("META-INF/services/io.convosql.shaded.codehaus.commons.compiler.ICompilerFactory");
      assertThat(compiler).isNotNull();
      assertThat(new String(jar.getInputStream(compiler).readAllBytes(), StandardCharsets.UTF_8).strip())
          .isEqualTo("io.convosql.shaded.codehaus.janino.CompilerFactory");
      assertThat(names).filteredOn(n -> n.startsWith("META-INF/services/"))
          .noneMatch(n -> n.contains("com.fasterxml") || n.contains("org.codehaus") || n.contains("org.slf4j")
              || n.contains("org.apache.lucene"));
    }
  }

  @Test
  void ourClassesJoinStringsWithoutInvokedynamic() throws IOException {
    // compiled with -XDstringConcat=inline (the root pom): each shape of an invokedynamic string
    // concatenation makes its method handles on its first run in every JVM, which no class archive keeps
    List<String> ours = new ArrayList<>();
    List<String> indy = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (ZipEntry e : jar.stream().toList()) {
        String n = e.getName();
        if (n.startsWith("io/convosql/") && !n.startsWith("io/convosql/shaded/") && n.endsWith(".class")) {
          ours.add(n);
          String constants = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
          if (constants.contains("makeConcatWithConstants")) {
            indy.add(n);
          }
        }
      }
    }
    assertThat(ours).hasSizeGreaterThan(200);
    assertThat(indy).isEmpty();
  }
}
