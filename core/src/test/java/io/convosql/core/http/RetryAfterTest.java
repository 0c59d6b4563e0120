package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Retry-After in both of its forms, and the waits between attempts. */
class RetryAfterTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void secondsAndHttpDatesAreRead() {
    assertThat(RetryAfter.parse("7", CLOCK)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", CLOCK)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:00:30 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
    assertThat(RetryAfter.parse("-5", CLOCK)).isNull();
    assertThat(RetryAfter.parse(null, CLOCK)).isNull();
    assertThat(RetryAfter.parse("99999999999999999999999", CLOCK)).isNull();
  }

  @Test
  void theWaitHonoursRetryAfterAndNeverFallsShortOfIt() {
    HttpSettings s = HttpSettings.defaults();
    Answer busy = new Answer(429, "10", new byte[0]);
    for (int i = 0; i < 200; i++) {
      Duration d = RequestPolicies.delay(s, CLOCK, busy, 1, Duration.ZERO);
      assertThat(d).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
    }
    Answer dated = new Answer(503, "Mon, 23 Nov 2026 10:00:05 GMT", new byte[0]);
    assertThat(RequestPolicies.delay(s, CLOCK, dated, 1, Duration.ZERO))
        .isBetween(Duration.ofSeconds(5), Duration.ofMillis(5500));
  }

  @Test
  void withoutRetryAfterTheWaitGrowsExponentiallyWithJitterUpToTheCap() {
    HttpSettings s = HttpSettings.defaults()
        .withRetries(10, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofMillis(1000));
    Answer failed = new Answer(503, null, new byte[0]);
    for (int i = 0; i < 200; i++) {
      assertThat(RequestPolicies.delay(s, CLOCK, failed, 1, Duration.ZERO).toMillis()).isBetween(50L, 100L);
      assertThat(RequestPolicies.delay(s, CLOCK, failed, 3, Duration.ZERO).toMillis()).isBetween(200L, 400L);
      assertThat(RequestPolicies.delay(s, CLOCK, null, 9, Duration.ZERO).toMillis()).isBetween(500L, 1000L);
    }
  }

  @Test
  void aWaitLongerThanTheBudgetLeftIsRefused() {
    HttpSettings s = HttpSettings.defaults()
        .withRetries(4, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofMillis(1000));
    Answer busy = new Answer(429, "30", new byte[0]);
    assertThat(RequestPolicies.delay(s, CLOCK, busy, 1, Duration.ofSeconds(29))).isNotNull();
    assertThatThrownBy(() -> RequestPolicies.delay(s, CLOCK, busy, 1, Duration.ofSeconds(31)))
        .isInstanceOf(RetryAfterTooLongException.class);
  }
}
