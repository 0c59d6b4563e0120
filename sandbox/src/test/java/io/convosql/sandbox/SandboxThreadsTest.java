package io.convosql.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A running sandbox must not keep the JVM alive: programs using demo=true end when their work does. */
class SandboxThreadsTest {
  @Test
  void sandboxThreadsAreDaemons() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    try (Sandbox sandbox = Sandbox.builder().pathSimSessions(10).insightsSessions(10).start()) {
      Set<String> added = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
          .map(Thread::getName).collect(Collectors.toSet());
      assertThat(sandbox.port()).isPositive();
      assertThat(added).isEmpty();
    }
  }
}
