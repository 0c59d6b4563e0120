package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The duration format the detail uses. */
class SessionJsonTest {
  @Test
  void durationsOmitLeadingZeroUnits() {
    assertThat(SessionJson.duration(0)).isEqualTo("0s");
    assertThat(SessionJson.duration(45)).isEqualTo("45s");
    assertThat(SessionJson.duration(268)).isEqualTo("4m 28s");
    assertThat(SessionJson.duration(240)).isEqualTo("4m 0s");
    assertThat(SessionJson.duration(3725)).isEqualTo("1h 2m 5s");
    assertThat(SessionJson.duration(3600)).isEqualTo("1h 0m 0s");
  }
}
