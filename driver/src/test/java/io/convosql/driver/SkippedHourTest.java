package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a JVM whose own zone skips an hour in spring (Europe/Berlin, 2025-03-30 02:00-03:00), a UTC
 * wall clock in that hour reads exactly as java.time values and text: only {@code getTimestamp},
 * whose {@code java.sql.Timestamp} is a wall clock of the JVM's zone, cannot hold it (java.md).
 */
class SkippedHourTest {
  @Test
  void javaTimeValuesAndTextAreExactInABerlinJvm() throws Exception {
    List<String> command = ThisJava.command();
    command.addAll(List.of("-Duser.timezone=Europe/Berlin", "-Dconvosql.warmup=false", "-cp",
        System.getProperty("java.class.path"), Probe.class.getName(), DriverFixture.url()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out.strip()).isEqualTo("2025-03-30 02:30:00.000 | 2025-03-30T02:30 | 2025-03-30T02:30:00Z"
        + " | 2025-03-30T02:30Z" + System.lineSeparator() + "bound as text: 2025-03-30 02:30:00.000");
  }

  /** Prints one TIMESTAMP(3) in the skipped hour as text, LocalDateTime, Instant, OffsetDateTime. */
  static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws SQLException {
      try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT CAST(TIMESTAMP '2025-03-30 02:30:00' AS TIMESTAMP(3))")) {
        rs.next();
        System.out.println(rs.getString(1) + " | " + rs.getObject(1, LocalDateTime.class) + " | "
            + rs.getObject(1, Instant.class) + " | " + rs.getObject(1, OffsetDateTime.class));
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS TIMESTAMP(3))")) {
          ps.setObject(1, "2025-03-30 02:30:00");
          try (ResultSet bound = ps.executeQuery()) {
            bound.next();
            System.out.println("bound as text: " + bound.getString(1));
          }
        }
      }
    }
  }
}
