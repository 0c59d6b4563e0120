package io.convosql.sandbox.pathsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The Jackson mapper, the envelopes and the time formats every PathSim answer is written with. */
final class Wire {
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** The Test History "Time" column: {@code 08/08/2025 18:00}, UTC. */
  static final DateTimeFormatter TABLE_TIME =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm").withZone(ZoneOffset.UTC);
  /**
   * The same column written day first, {@code 08/08/2025 18:00} as {@code dd/MM/yyyy}: the document's
   * examples do not tell the two apart, so a sandbox can answer either way.
   */
  static final DateTimeFormatter TABLE_TIME_DAY_FIRST =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneOffset.UTC);
  /** Workspace timestamps: ISO-8601 with milliseconds, {@code 2025-01-01T00:00:00.000Z}. */
  static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Wire() {}

  /**
   * A time as the Test History "Time" column writes it ({@link #TABLE_TIME}), without the
   * formatter's cost for the years of four digits every listing shows.
   */
  static String tableTime(Instant time) {
    return tableTime(time, false);
  }

  /** {@link #tableTime(Instant)}, or day first ({@link #TABLE_TIME_DAY_FIRST}) when asked. */
  static String tableTime(Instant time, boolean dayFirst) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      return (dayFirst ? TABLE_TIME_DAY_FIRST : TABLE_TIME).format(time);
    }
    char[] c = "00/00/0000 00:00".toCharArray();
    digits(c, dayFirst ? 3 : 0, 2, t.getMonthValue());
    digits(c, dayFirst ? 0 : 3, 2, t.getDayOfMonth());
    digits(c, 6, 4, t.getYear());
    digits(c, 11, 2, t.getHour());
    digits(c, 14, 2, t.getMinute());
    return new String(c);
  }

  /** Writes {@code value} as {@code n} decimal digits ending before {@code from + n}. */
  private static void digits(char[] c, int from, int n, int value) {
    for (int i = from + n - 1; i >= from; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@code {"success":true,"data":...}}, as a node so a caller can add more fields. */
  static ObjectNode success(JsonNode data) {
    ObjectNode body = object().put("success", true);
    body.set("data", data);
    return body;
  }

  /** {@code {"success":false,"error":message}} as JSON text. */
  static String error(String message) {
    return write(object().put("success", false).put("error", message));
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
