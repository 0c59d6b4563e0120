package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/**
 * The driver's warm-up ({@link Warmup}): it prepares its queries without sending a single request,
 * starts once when the driver class loads, prints nothing, and {@code -Dconvosql.warmup=false}
 * switches it off.
 */
class WarmupTest {
  @Test
  void preparesItsQueriesWithoutSendingARequest() {
    try (Sandbox sandbox = OwnSandbox.start(20, 5)) {
      Properties p = new Properties();
      p.setProperty("pathsim.url", sandbox.pathSimUrl());
      p.setProperty("pathsim.apiKey", Sandbox.PATHSIM_KEY);
      p.setProperty("insights.url", sandbox.insightsUrl());
      p.setProperty("insights.apiKey", Sandbox.INSIGHTS_KEY);
      sandbox.requests().clear();

      assertThat(Warmup.run(p, () -> false)).as("every warm-up query prepared").isTrue();

      assertThat(sandbox.requests().all()).as("requests the sandbox received").isEmpty();
    }
  }

  @Test
  void itsOwnConnectionPreparesEveryQueryAndPointsAtNoApi() {
    Properties p = Warmup.privateConnection();

    assertThat(Warmup.run(p, () -> false)).isTrue();
    assertThat(p.getProperty("pathsim.url")).isEqualTo("http://127.0.0.1:9/pathsim/v1");
    assertThat(p.getProperty("insights.url")).isEqualTo("http://127.0.0.1:9/insights");
  }

  @Test
  void aFailureIsSwallowedNotThrownOrPrinted() {
    Properties p = Warmup.privateConnection();
    p.setProperty("pathsim.url", "not a url");

    assertThat(Warmup.run(p, () -> false)).isFalse();
  }

  /**
   * A user's statement arriving while the warm-up plans a query cancels that planning at its next
   * step: no code is generated or compiled for it, and no later query is prepared.
   */
  @Test
  void givesUpThePlanningUnderWayWhenAUserPrepares() {
    AtomicBoolean cancel = new AtomicBoolean();
    int[] parsed = {0};
    int[] generated = {0};
    try (Hook.Closeable p = Hook.PARSE_TREE.addThread((Consumer<Object[]>) tree -> {
          parsed[0]++;
          cancel.set(true); // the user comes while the first query is being planned
        });
        Hook.Closeable g = Hook.JAVA_PLAN.addThread((Consumer<Object>) code -> generated[0]++)) {
      assertThat(Warmup.run(Warmup.privateConnection(), () -> false, cancel)).isFalse();
    }
    assertThat(parsed[0]).as("queries parsed").isEqualTo(1);
    assertThat(generated[0]).as("plans that reached code generation").isZero();
  }

  /** Once planned, a query whose code is about to be compiled when the user comes is given up too. */
  @Test
  void givesUpCompilingWhenAUserPrepares() {
    AtomicBoolean cancel = new AtomicBoolean();
    int[] parsed = {0};
    int[] generated = {0};
    try (Hook.Closeable p = Hook.PARSE_TREE.addThread((Consumer<Object[]>) tree -> parsed[0]++);
        Hook.Closeable planned = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((Consumer<Object>) root -> cancel.set(true));
        Hook.Closeable g = Hook.JAVA_PLAN.addThread((Consumer<Object>) code -> generated[0]++)) {
      assertThat(Warmup.run(Warmup.privateConnection(), () -> false, cancel)).isFalse();
    }
    assertThat(generated[0]).as("plans that reached code generation").isEqualTo(1);
    assertThat(parsed[0]).as("queries parsed: the first, given up before Janino compiled it").isEqualTo(1);
  }

  /** The warm-up's own preparations never count as a user's: its flag stays down. */
  @Test
  void itsOwnPreparationsDoNotCancelIt() {
    AtomicBoolean cancel = new AtomicBoolean();
    assertThat(Warmup.run(Warmup.privateConnection(), () -> false, cancel)).isTrue();
    assertThat(cancel).isFalse();
  }

  @Test
  void stopsBeforeItsNextQueryWhenAUserPrepares() {
    int[] asked = {0};

    assertThat(Warmup.run(Warmup.privateConnection(), () -> ++asked[0] > 1)).isFalse();
    assertThat(asked[0]).as("asked before each query until told to stop").isEqualTo(2);
  }

  @Test
  void onlyFalseSwitchesItOff() {
    assertThat(Warmup.enabled(null)).isTrue();
    assertThat(Warmup.enabled("true")).isTrue();
    assertThat(Warmup.enabled("false")).isFalse();
    assertThat(Warmup.enabled(" FALSE ")).isFalse();
  }

  @Test
  void loadingTheDriverStartsOneSilentWarmup() throws Exception {
    assertThat(child(List.of())).containsExactly("warm-up started", "warm-up prepared its queries");
  }

  @Test
  void theSystemPropertySwitchesItOff() throws Exception {
    assertThat(child(List.of("-Dconvosql.warmup=false"))).containsExactly("no warm-up");
  }

  /** Everything a fresh JVM running {@link Probe} prints, standard error after standard output. */
  private static List<String> child(List<String> options) throws IOException, InterruptedException {
    List<String> command = ThisJava.command();
    command.addAll(options);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
    Process p = new ProcessBuilder(command).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    List<String> lines = new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList());
    lines.addAll(new String(err, StandardCharsets.UTF_8).lines().toList());
    return lines;
  }

  /** Loads the driver, then says whether a warm-up started and waits for it to end. */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Exception {
      Class.forName(ConvoSqlDriver.class.getName());
      Thread t = Warmup.thread();
      if (t == null) {
        System.out.println("no warm-up");
        return;
      }
      System.out.println("warm-up started");
      t.join();
      System.out.println(Warmup.prepared() ? "warm-up prepared its queries" : "warm-up failed");
    }
  }
}
