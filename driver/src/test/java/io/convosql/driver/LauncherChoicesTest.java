package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code bin/convosql} chooses for the JDK it finds, run on stand-in JDKs whose
 * {@code java} only writes down its arguments (and makes the archive it is asked to record): an AOT
 * cache from JDK 25 on, a dynamic CDS archive before, each named after the JDK's version; the
 * one-shot's collector and compiler options; the Unsafe option from JDK 23 on. {@code LauncherIT}
 * runs the real JDKs this machine has.
 */
class LauncherChoicesTest {
  private static final Path SCRIPT = Path.of(System.getProperty("convosql.launcher", "../bin/convosql"));
  private static final String TRAINING = "--demo -e SELECT id, started_at FROM pathsim.sessions LIMIT 1";
  private static final String ONE_SHOT = "-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
      + (thpOnRequest() ? " -XX:+UseTransparentHugePages" : "");

  /** Whether this machine's Linux gives transparent huge pages to a process that asks ("madvise"). */
  private static boolean thpOnRequest() {
    try {
      return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]");
    } catch (IOException e) {
      return false; // not Linux, or no THP
    }
  }

  /** Makes a stand-in JDK: {@code bin/java} logs its arguments, one call a line; {@code release} names the version. */
  private static Path jdk(Path dir, String name, String version) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n"
        + "echo \"$*\" >> \"" + dir.resolve("calls.log") + "\"\n"
        + "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*) : > \"${a#*=}\";; esac; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (version != null) {
      Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"stand-in\"\nJAVA_VERSION=\"" + version + "\"\n");
    }
    return home;
  }

  /** Runs the launcher with the given JAVA_HOME (null: none) and PATH head; returns the calls its java logged. */
  private static List<String> launch(Path dir, Path jar, Path javaHome, Path pathHead, String... args)
      throws IOException, InterruptedException {
    Files.deleteIfExists(dir.resolve("calls.log"));
    // the recording run writes to <archive>.<the launcher's pid>.partial, renamed once complete
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("CONVOSQL_JAR", jar.toString());
    builder.environment().remove("JAVA_OPTS");
    if (javaHome == null) {
      builder.environment().remove("JAVA_HOME");
    } else {
      builder.environment().put("JAVA_HOME", javaHome.toString());
    }
    builder.environment().put("PATH", pathHead + ":/usr/bin:/bin");
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
    return Files.readAllLines(dir.resolve("calls.log")).stream()
        .map(l -> l.replaceAll("\\.[0-9]+\\.partial ", ".PID.partial ")).toList();
  }

  private static Path jar(Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("convosql-jdbc.jar"), "a jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    return jar;
  }

  @Test
  void jdk17RecordsADynamicCdsArchiveThenMapsIt(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "jdk17", "17.0.15");
    Path archive = dir.resolve("convosql-jdbc.jdk-17.0.15.jsa");

    assertThat(launch(dir, jar, home, dir, "--demo", "-e", "VALUES 1")).containsExactly(
        "-XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit=" + archive + ".PID.partial -Xlog:disable"
            + " -Dconvosql.shell.recording=true -jar " + jar + " " + TRAINING,
        ONE_SHOT + " -XX:SharedArchiveFile=" + archive + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar
            + " --demo -e VALUES 1");
    // recorded once; the interactive shell keeps the JVM's collector and compilers
    assertThat(launch(dir, jar, home, dir, "--demo")).containsExactly(
        "-XX:SharedArchiveFile=" + archive + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar + " --demo");
  }

  @Test
  void jdk25RecordsAnAotCacheAndAllowsProtobufsUnsafe(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "jdk25", "25.0.3");
    Path cache = dir.resolve("convosql-jdbc.jdk-25.0.3.aot");
    String unsafe = "--sun-misc-unsafe-memory-access=allow";

    assertThat(launch(dir, jar, home, dir, "--demo", "-e", "VALUES 1")).containsExactly(
        "-XX:TieredStopAtLevel=1 -XX:AOTCacheOutput=" + cache + ".PID.partial -Xlog:disable " + unsafe
            + " -Dconvosql.shell.recording=true -jar " + jar + " " + TRAINING,
        unsafe + " " + ONE_SHOT + " -XX:AOTCache=" + cache + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar
            + " --demo -e VALUES 1");
    Path serveCache = dir.resolve("convosql-jdbc.serve.jdk-25.0.3.aot");
    assertThat(launch(dir, jar, home, dir, "serve", "--demo")).containsExactly(
        "-XX:TieredStopAtLevel=1 -XX:AOTCacheOutput=" + serveCache + ".PID.partial -Xlog:disable " + unsafe
            + " -Dconvosql.serve.recording=true -jar " + jar + " serve",
        unsafe + " -XX:AOTCache=" + serveCache + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar + " serve --demo");
  }

  /**
   * {@code serve} records and maps an archive of its own, from a run that serves the demo and queries
   * it, beside the shell's; neither run records or removes the other's.
   */
  @Test
  void serveHasAnArchiveOfItsOwn(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "jdk17", "17.0.15");
    Path shell = dir.resolve("convosql-jdbc.jdk-17.0.15.jsa");
    Path serve = dir.resolve("convosql-jdbc.serve.jdk-17.0.15.jsa");
    launch(dir, jar, home, dir, "--demo");
    assertThat(shell).exists();

    assertThat(launch(dir, jar, home, dir, "serve", "--users", "users.properties")).containsExactly(
        "-XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit=" + serve + ".PID.partial -Xlog:disable"
            + " -Dconvosql.serve.recording=true -jar " + jar + " serve",
        "-XX:SharedArchiveFile=" + serve + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar
            + " serve --users users.properties");
    assertThat(launch(dir, jar, home, dir, "serve", "--demo")).containsExactly(
        "-XX:SharedArchiveFile=" + serve + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar + " serve --demo");
    assertThat(launch(dir, jar, home, dir, "--demo", "-e", "VALUES 1")).singleElement().asString()
        .contains("-XX:SharedArchiveFile=" + shell + " ");

    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // rebuilt
    assertThat(launch(dir, jar, home, dir, "serve", "--demo")).hasSize(2);
    assertThat(serve).as("recorded anew").exists();
    assertThat(launch(dir, jar, home, dir, "--demo")).hasSize(2);
    assertThat(shell).as("recorded anew").exists();
  }

  @Test
  void eachJdkKeepsItsOwnArchiveUntilTheJarIsRebuilt(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path jdk17 = jdk(dir, "jdk17", "17.0.15");
    Path jdk21 = jdk(dir, "jdk21", "21.0.9");
    launch(dir, jar, jdk17, dir, "--demo");
    launch(dir, jar, jdk21, dir, "--demo");
    assertThat(dir.resolve("convosql-jdbc.jdk-17.0.15.jsa")).exists();
    assertThat(dir.resolve("convosql-jdbc.jdk-21.0.9.jsa")).exists();
    assertThat(launch(dir, jar, jdk17, dir, "--demo")).hasSize(1); // mapped, not recorded again

    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // rebuilt
    assertThat(launch(dir, jar, jdk21, dir, "--demo")).hasSize(2).first().asString()
        .contains("-XX:ArchiveClassesAtExit=" + dir.resolve("convosql-jdbc.jdk-21.0.9.jsa") + ".PID.partial");
    assertThat(dir.resolve("convosql-jdbc.jdk-17.0.15.jsa")).as("the old build's archive").doesNotExist();
    assertThat(dir.resolve("convosql-jdbc.jdk-21.0.9.jsa")).as("the new one, renamed").exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
  }

  @Test
  void withoutJavaHomeItRunsThePathsJavaAndReadsItsRelease(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "jdk25", "25.0.3");
    assertThat(launch(dir, jar, null, home.resolve("bin"), "--demo")).last().asString()
        .startsWith("--sun-misc-unsafe-memory-access=allow -XX:AOTCache=" + dir.resolve("convosql-jdbc.jdk-25.0.3.aot"));
    // a JAVA_HOME without a java in it is passed over for the PATH's
    assertThat(launch(dir, jar, dir.resolve("nowhere"), home.resolve("bin"), "--demo")).last().asString()
        .contains("-XX:AOTCache=");
    // the PATH's java a link to a link to the JDK's, as /usr/bin/java is through the system's alternatives
    Path alternatives = Files.createDirectories(dir.resolve("alternatives"));
    Files.createSymbolicLink(alternatives.resolve("java"), home.resolve("bin").resolve("java"));
    Path usrBin = Files.createDirectories(dir.resolve("usr-bin"));
    Files.createSymbolicLink(usrBin.resolve("java"), alternatives.resolve("java"));
    assertThat(launch(dir, jar, null, usrBin, "--demo")).last().asString()
        .startsWith("--sun-misc-unsafe-memory-access=allow -XX:AOTCache=" + dir.resolve("convosql-jdbc.jdk-25.0.3.aot"));
  }

  /**
   * On a terminal (util-linux {@code script} gives it one) the first run says why it takes a while; in
   * a script it prints nothing more (LauncherIT compares its standard error whole).
   */
  @Test
  void onATerminalTheRecordingRunSaysSo(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "jdk17", "17.0.15");
    String launch = "JAVA_HOME='" + home + "' CONVOSQL_JAR='" + jar + "' sh '" + SCRIPT.toAbsolutePath() + "' --demo";
    Process first = new ProcessBuilder("script", "-qec", launch, "/dev/null").redirectErrorStream(true).start();
    first.getOutputStream().close();
    String said = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(first.waitFor()).isZero();
    assertThat(said.strip()).isEqualTo(
        "convosql: recording what this jar loads, for quicker starts on this JDK (once, about 10 s)");
    Process second = new ProcessBuilder("script", "-qec", launch, "/dev/null").redirectErrorStream(true).start();
    second.getOutputStream().close();
    assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    assertThat(second.waitFor()).isZero();
  }

  @Test
  void aFailedRecordingLeavesNoArchiveAndTheCommandRunsWithoutOne(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "jdk17", "17.0.15");
    // this java writes half an archive, then fails (a full disk, say)
    Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n"
        + "echo \"$*\" >> \"" + dir.resolve("calls.log") + "\"\n"
        + "for a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*) echo half > \"${a#*=}\"; exit 1;; esac; done\n");
    Path legacy = Files.writeString(dir.resolve("convosql-jdbc.jsa"), "the old launcher's archive");
    Files.setLastModifiedTime(legacy, FileTime.fromMillis(System.currentTimeMillis() - 120_000));

    assertThat(launch(dir, jar, home, dir, "--demo")).hasSize(2).last().asString()
        .isEqualTo("-Xlog:disable -Xlog:all=error:stderr -jar " + jar + " --demo");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("convosql-jdbc.jdk-"))
          .doesNotContain("convosql-jdbc.jsa");
    }
  }

  @Test
  void aJdkWithoutAReleaseFileGetsTheCdsArchive(@TempDir Path dir) throws Exception {
    Path jar = jar(dir);
    Path home = jdk(dir, "plain", null);
    assertThat(launch(dir, jar, home, dir, "--demo")).last().asString()
        .isEqualTo("-XX:SharedArchiveFile=" + dir.resolve("convosql-jdbc.jdk-unknown.jsa")
            + " -Xlog:disable -Xlog:all=error:stderr -jar " + jar + " --demo");
  }
}
