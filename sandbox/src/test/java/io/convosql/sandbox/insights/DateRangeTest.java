package io.convosql.sandbox.insights;

import static io.convosql.sandbox.insights.InsightsHttp.docs;
import static io.convosql.sandbox.insights.InsightsHttp.params;
import static io.convosql.sandbox.insights.InsightsHttp.search;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.sandbox.insights.InsightsHttp.Answer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** from_date and to_date: required, dates or datetimes, a date-only to_date covering its day, 60 days at most. */
class DateRangeTest {
  private static final String TOO_LONG = "Invalid date range: ranges over 60 days are not supported";

  @Test
  void bothDatesAreRequired() {
    assertRefused(search(params("to_date", "2025-08-02")), "from_date is required");
    assertRefused(search(params("from_date", "2025-08-02")), "to_date is required");
  }

  @Test
  void aDateOnlyToDateCoversTheWholeDay() {
    Answer day = search(params("from_date", "2025-08-20", "to_date", "2025-08-20", "page_size", "100"));
    List<?> expected =
        docs(Instant.parse("2025-08-20T00:00:00Z"), Instant.parse("2025-08-20T23:59:59.999999Z"), d -> true);
    assertThat(expected).isNotEmpty();
    assertThat(day.status()).isEqualTo(200);
    assertThat(day.total()).isEqualTo(expected.size());
    assertThat(day.hits()).allSatisfy(h -> assertThat(h.get("session_start_time").asText()).startsWith("2025-08-20"));
  }

  @Test
  void aDatetimeToDateIsInclusiveToTheMicrosecond() {
    JsonNode doc = docs(Instant.parse("2025-08-20T00:00:00Z"), Instant.parse("2025-08-21T00:00:00Z"), d ->
        d.get("session_start_time").asText().contains(".")).get(0);
    String start = doc.get("session_start_time").asText();
    String id = doc.get("id").asText();
    assertThat(search(params("from_date", "2025-08-19", "to_date", start, "page_size", "100")).ids()).contains(id);
    assertThat(search(params("from_date", start, "to_date", start)).ids()).containsExactly(id);
    String before = LocalDateTime.parse(start).minusNanos(1000).toString();
    assertThat(search(params("from_date", "2025-08-19", "to_date", before, "page_size", "100")).ids())
        .doesNotContain(id);
  }

  @Test
  void offsetsAreHonouredAndNoOffsetMeansUtc() {
    Answer utc = search(params("from_date", "2025-08-19T22:00:00", "to_date", "2025-08-20T22:00:00Z"));
    Answer offset =
        search(params("from_date", "2025-08-20T00:00:00+02:00", "to_date", "2025-08-21T00:00:00.000+02:00"));
    List<?> expected = docs(Instant.parse("2025-08-19T22:00:00Z"), Instant.parse("2025-08-20T22:00:00Z"), d -> true);
    assertThat(utc.total()).isEqualTo(expected.size()).isEqualTo(offset.total());
  }

  @Test
  void sixtyDaysIsTheLongestRange() {
    assertThat(search(params("from_date", "2025-07-01", "to_date", "2025-08-29")).status()).isEqualTo(200);
    assertRefused(search(params("from_date", "2025-07-01", "to_date", "2025-08-30")), TOO_LONG);
    assertThat(search(params("from_date", "2025-07-01T00:00:00", "to_date", "2025-08-30T00:00:00")).status())
        .isEqualTo(200);
    assertRefused(search(params("from_date", "2025-07-01T00:00:00", "to_date", "2025-08-30T00:00:00.000001")),
        TOO_LONG);
    assertRefused(search(params("from_date", "2025-01-01", "to_date", "2025-08-30")), TOO_LONG);
  }

  @Test
  void reversedOrUnparseableRangesAreRefused() {
    assertRefused(search(params("from_date", "2025-08-02", "to_date", "2025-08-01")),
        "Invalid date range: to_date is before from_date");
    assertRefused(search(params("from_date", "2025-08-02T10:00:00", "to_date", "2025-08-02T09:59:59")),
        "Invalid date range: to_date is before from_date");
    assertRefused(search(params("from_date", "08/01/2025", "to_date", "2025-08-02")),
        "Invalid from_date: expected an ISO date or datetime");
    assertRefused(search(params("from_date", "2025-08-01", "to_date", "2025-02-30")),
        "Invalid to_date: expected an ISO date or datetime");
    assertRefused(search(params("from_date", "2025-08-01 10:00:00", "to_date", "2025-08-02")),
        "Invalid from_date: expected an ISO date or datetime");
    assertRefused(search(params("from_date", "", "to_date", "2025-08-02")),
        "Invalid from_date: expected an ISO date or datetime");
  }

  static void assertRefused(Answer answer, String detail) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).isEqualTo(detail);
  }
}
