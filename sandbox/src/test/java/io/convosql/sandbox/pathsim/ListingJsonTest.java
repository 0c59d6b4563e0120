package io.convosql.sandbox.pathsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streamed listing is byte for byte what the tree of rows in the envelope writes, and the fast
 * time format is the formatter's.
 */
class ListingJsonTest {
  private final PathSimData data = PathSimData.generate(11, 1500, PathSimClient.NOW);

  @Test
  void everyPageOfEveryWorkspaceIsTheTreesText() {
    int pages = 0;
    for (Workspace w : data.workspaces()) {
      List<Session> sessions = data.sessions(w.id());
      for (int offset = 0; offset <= sessions.size(); offset += 100) {
        int end = Math.min(sessions.size(), offset + 100);
        Page page = new Page(sessions.subList(offset, end), sessions.size(), 100, offset,
            end < sessions.size());
        assertThat(text(ListingJson.write(page))).isEqualTo(Wire.write(tree(page)));
        pages++;
      }
    }
    assertThat(pages).isGreaterThan(15);
  }

  @Test
  void textThatJsonEscapesAndTimesOutsideFourDigitYearsAreWrittenAsTheTreeWritesThem() {
    Session s = data.sessions().get(0);
    List<Session> odd = new ArrayList<>();
    for (String name : List.of("Zoë \"Q\" O'Neil \\ tab\t nl\n ctl\u0001 del\u007f", "😀 中文", "")) {
      for (Instant at : List.of(Instant.parse("0999-12-31T23:59:00Z"), Instant.parse("1000-01-01T00:00:00Z"),
          Instant.parse("9999-12-31T23:59:00Z"), Instant.parse("+10000-01-01T00:00:00Z"), s.time())) {
        odd.add(new Session(s.id(), s.workspaceId(), at, s.testType(), s.objective(), s.connected(), name,
            name, s.source(), s.testId(), s.detail()));
      }
    }
    Page page = new Page(odd, 7, 50, 3_000_000_000L, false);
    assertThat(text(ListingJson.write(page))).isEqualTo(Wire.write(tree(page)));
  }

  @Test
  void theTableTimeIsTheFormattersForAnyYear() {
    for (String at : List.of("2025-08-08T18:00:00Z", "2025-01-01T00:00:59Z", "2024-02-29T23:59:00Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:00Z", "0001-01-01T00:00:00Z", "0999-06-15T12:30:00Z",
        "1000-01-01T00:00:00Z", "9999-12-31T23:59:00Z", "+10000-01-01T00:00:00Z", "-0001-03-04T05:06:00Z")) {
      Instant t = Instant.parse(at);
      assertThat(Wire.tableTime(t)).as(at).isEqualTo(Wire.TABLE_TIME.format(t));
    }
    for (long minute = 0; minute < 60L * 24 * 800; minute += 7) {
      Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(minute * 60);
      assertThat(Wire.tableTime(t)).isEqualTo(Wire.TABLE_TIME.format(t));
    }
  }

  @Test
  void dayFirstSwapsOnlyTheDayAndMonthOfTheSameTime() {
    for (long minute = 0; minute < 60L * 24 * 800; minute += 7) {
      Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(minute * 60);
      String monthFirst = Wire.tableTime(t);
      assertThat(Wire.tableTime(t, true)).isEqualTo(Wire.TABLE_TIME_DAY_FIRST.format(t))
          .isEqualTo(monthFirst.substring(3, 6) + monthFirst.substring(0, 3) + monthFirst.substring(6));
    }
    Instant odd = Instant.parse("+10000-01-02T03:04:00Z");
    assertThat(Wire.tableTime(odd, true)).isEqualTo(Wire.TABLE_TIME_DAY_FIRST.format(odd));
    Session s = data.sessions().get(0);
    Page page = new Page(List.of(s), 1, 50, 0, false);
    assertThat(text(ListingJson.write(page, true))).contains("\"Time\":\"" + Wire.tableTime(s.time(), true) + "\"");
    assertThat(SessionJson.detail(s, "http://x", true).get("Time").asText())
        .isEqualTo(Wire.tableTime(s.time(), true));
  }

  /** The body as the emulator built it before it streamed: rows as trees in the envelope. */
  private static ObjectNode tree(Page page) {
    ArrayNode rows = Wire.MAPPER.createArrayNode();
    page.rows().forEach(s -> rows.add(SessionJson.row(s)));
    ObjectNode body = Wire.success(rows);
    body.putObject("pagination")
        .put("total", page.total())
        .put("limit", page.limit())
        .put("offset", page.offset())
        .put("hasMore", page.hasMore());
    return body;
  }

  private static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
