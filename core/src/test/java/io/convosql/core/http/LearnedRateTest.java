package io.convosql.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pace learned from 429s, on a fake clock. */
class LearnedRateTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final AtomicLong now = new AtomicLong(100 * SECOND);
  private final LearnedRate rate = new LearnedRate(now::get);

  @Test
  void noPaceUntilTheFirst429() {
    answer(50);
    now.addAndGet(SECOND);
    answer(50);
    assertThat(rate.rate()).isZero();
    assertThat(rate.tryAcquire()).isTrue();
  }

  @Test
  void a429SetsThePaceBelowTheAnswersASecondAndHealthySecondsRaiseIt() {
    answer(20);
    now.addAndGet(SECOND);
    answer(5);
    rate.onRateLimited();
    assertThat(rate.rate()).isEqualTo(LearnedRate.CUT * 20);

    rate.onRateLimited(); // more 429s of the same second cut once
    assertThat(rate.rate()).isEqualTo(LearnedRate.CUT * 20);

    for (int s = 0; s < 4; s++) {
      now.addAndGet(SECOND);
      answer(18);
    }
    now.addAndGet(SECOND);
    answer(18);
    assertThat(rate.rate()).isEqualTo(LearnedRate.CUT * 20 + 4 * LearnedRate.STEP);

    now.addAndGet(SECOND);
    rate.onRateLimited();
    assertThat(rate.rate()).isEqualTo(LearnedRate.CUT * 18);
  }

  @Test
  void a429WithNoAnswersSeenHalvesThePace() {
    rate.onRateLimited();
    assertThat(rate.rate()).isEqualTo(1);
    for (int s = 0; s < 20; s++) {
      now.addAndGet(SECOND);
      answer(1);
    }
    now.addAndGet(3 * SECOND); // a quiet gap: no answers a second are known
    rate.onRateLimited();
    assertThat(rate.rate()).isEqualTo((1 + 20 * LearnedRate.STEP) / 2);
  }

  private void answer(int n) {
    for (int i = 0; i < n; i++) {
      rate.onAnswer();
    }
  }
}
