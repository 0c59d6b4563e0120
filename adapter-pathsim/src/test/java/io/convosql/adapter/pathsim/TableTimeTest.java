package io.convosql.adapter.pathsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.core.http.ApiException;
import io.convosql.core.json.AnswerPlace;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Test History time read without the formatter gives the formatter's value for every text it
 * takes, and leaves every other text to the formatter.
 */
class TableTimeTest {
  private static final DateTimeFormatter FORMATTER = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm[:ss]");
  private static final AnswerPlace AT = PathSimValues.place("/workspaces/w1/sessions");

  @Test
  void everyMinuteOfTwoYearsReadsAsTheFormatterReadsIt() {
    DateTimeFormatter table = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    LocalDateTime start = LocalDateTime.of(2023, 12, 31, 0, 0);
    for (long minute = 0; minute < 60L * 24 * 760; minute += 13) {
      String s = start.plusMinutes(minute).format(table);
      assertThat(PathSimValues.plainTableTime(s)).as(s).isEqualTo(formatter(s));
    }
  }

  @Test
  void edgesOfTheCalendarReadAsTheFormatterReadsThem() {
    for (String s : List.of("01/01/0001 00:00", "12/31/9999 23:59", "02/29/2024 12:00", "02/29/2000 00:00",
        "01/01/1970 00:00", "12/31/1969 23:59", "07/04/1776 09:30")) {
      assertThat(PathSimValues.plainTableTime(s)).as(s).isNotNull().isEqualTo(formatter(s));
    }
  }

  @Test
  void textsTheFastReadingDoesNotTakeAreLeftToTheFormatter() {
    // a day past the month's end the formatter moves to the month's last day; 24:00 to the next day
    for (String s : List.of("02/29/2025 10:00", "02/30/2024 10:00", "04/31/2025 10:00", "02/29/1900 00:00",
        "01/01/2025 24:00", "08/08/2025 18:00:30", "13/01/2025 10:00", "00/10/2025 10:00", "01/00/2025 10:00",
        "01/01/0000 10:00", "01/01/2025 10:60", "1/01/2025 10:00x", "01-01-2025 10:00", "01/01/2025T10:00",
        "０1/01/2025 10:00", "01/01/+025 10:00", "01/01/2025 -1:00", "2025-08-08T18:00:00Z", "")) {
      assertThat(PathSimValues.plainTableTime(s)).as(s).isNull();
    }
  }

  @Test
  void aRowsTimeIsTheFormattersOrTheSameError() {
    assertThat(time("08/08/2025 18:00")).isEqualTo(formatter("08/08/2025 18:00"));
    assertThat(time(" 08/08/2025 18:00 ")).isEqualTo(formatter("08/08/2025 18:00"));
    assertThat(time("02/30/2024 10:00")).isEqualTo(formatter("02/29/2024 10:00"));
    assertThat(time("08/08/2025 18:00:30")).isEqualTo(formatter("08/08/2025 18:00:30"));
    assertThat(time("2025-08-08T18:00:00Z")).isEqualTo(1754676000000L);
    assertThatThrownBy(() -> time("13/01/2025 10:00")).isInstanceOf(ApiException.class)
        .hasMessageContaining("field Time is \"13/01/2025 10:00\", expected " + PathSimValues.TABLE_TIME_EXAMPLE);
  }

  private static Long time(String text) {
    ObjectNode row = JsonNodeFactory.instance.objectNode().put("Time", text);
    return PathSimValues.time(row, "Time", AT, PathSimValues.TABLE_TIME_EXAMPLE);
  }

  private static Long formatter(String s) {
    try {
      return LocalDateTime.parse(s, FORMATTER).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
