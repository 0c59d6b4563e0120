package io.convosql.sandbox.pathsim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Draws sessions from one seeded random stream, so the same sequence of calls always yields the same
 * sessions; {@code _id}s are Mongo-style ObjectIds (creation second, a fixed machine part, a counter).
 */
final class SessionFactory {
  private static final DateTimeFormatter WEB_TEST_ID =
      DateTimeFormatter.ofPattern("'test_'yyyyMMdd'_'HHmmss'_'").withZone(ZoneOffset.UTC);

  private final SplittableRandom random;
  private final String machine;
  private int counter;

  SessionFactory(SplittableRandom random) {
    this.random = Objects.requireNonNull(random, "random");
    this.machine = Ids.hex(random, 10);
    this.counter = random.nextInt(0x100000);
  }

  /** A new session in the workspace, started at {@code time} truncated to the minute. */
  synchronized Session create(String workspaceId, Instant time) {
    Instant start = time.truncatedTo(ChronoUnit.MINUTES);
    VirtualCustomer customer = random.nextInt(100) < 60
        ? pick(VoiceCustomers.ALL)
        : pick(WebCustomers.ALL);
    Connection connected = connection();
    Objective objective = objective(connected);
    Source source = random.nextInt(100) < 65 ? Source.CAMPAIGN : Source.AD_HOC;
    String id = String.format("%08x%s%06x",
        start.getEpochSecond() + random.nextInt(60), machine, counter++ & 0xFFFFFF);
    boolean voice = customer.type() == TestType.VOICE;
    String testId = voice
        ? "call_" + Ids.hex(random, 27)
        : WEB_TEST_ID.format(start) + String.format("%06d", random.nextInt(1_000_000));
    SessionDetail detail = voice
        ? VoiceDetails.build(random, customer, connected, objective)
        : WebDetails.build(random, customer, connected, objective, start);
    return new Session(id, workspaceId, start, customer.type(), objective, connected,
        customer.name(), customer.target(), source, testId, detail);
  }

  private Connection connection() {
    int roll = random.nextInt(100);
    if (roll < 74) {
      return Connection.CONNECTED;
    }
    if (roll < 87) {
      return Connection.FAILED;
    }
    return roll < 95 ? Connection.SYSTEM_ERROR : Connection.IN_PROGRESS;
  }

  private Objective objective(Connection connected) {
    int roll = random.nextInt(100);
    return switch (connected) {
      case CONNECTED -> roll < 70 ? Objective.ACHIEVED : roll < 95 ? Objective.NOT_ACHIEVED : Objective.NONE;
      case FAILED -> roll < 60 ? Objective.NOT_ACHIEVED : Objective.NONE;
      case SYSTEM_ERROR -> roll < 90 ? Objective.NONE : Objective.NOT_ACHIEVED;
      case IN_PROGRESS -> Objective.NONE;
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
