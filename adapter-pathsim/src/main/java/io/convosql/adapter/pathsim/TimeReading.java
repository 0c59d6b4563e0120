package io.convosql.adapter.pathsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.convosql.core.http.ApiException;
import io.convosql.core.http.Cancellation;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.BadAnswer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which way one PathSim service writes the date of a session's {@code Time}. The document's examples
 * ({@code "08/08/2025 18:00"}, {@code "08/08/2025 14:21"}) fit both month first ({@code MM/dd/yyyy})
 * and day first ({@code dd/MM/yyyy}), so the driver learns the reading from the answers and never
 * guesses: a value is shown only under a reading some answer proved.
 *
 * <p>Evidence, strongest first: a first field above 12 (day first) or a second one above 12 (month
 * first); a web session's {@code test_id} ({@code test_20250808_142100_719132}) whose date is the
 * Time's date under one reading only (within a day, in case the id is not UTC); and a list asked
 * with {@code created_from}/{@code created_to}, which the document says filter on Time, whose every
 * session lies in that window under one reading only (the two readings of an ambiguous date are at
 * least 27 days apart, the window at most a few days wider than its dates). Once known, the reading
 * holds for the connection (one instance per API client) and every later answer must agree with it;
 * evidence for both readings is an error naming the fields and values.
 *
 * <p>A page is read whole before any of its rows is shown, so all its rows are read one way. While
 * nothing has shown the reading, a page whose dates all have equal fields ({@code 08/08}) reads the
 * same either way; one with an ambiguous date ({@code 05/08}) and no evidence is settled by asking
 * the API for the sessions around each reading of that date (at most two requests per workspace,
 * once per connection): under the right reading the session itself is in its window. Only if even
 * that tells nothing does the query stop, asking for {@code pathsim.timeFormat}. Choosing month first
 * by default (the document's writer may be American) would be right most of the time and silently
 * wrong otherwise, on every filter on started_at too.
 */
final class TimeReading {
  /** The two readings of a Test History date. */
  enum Order {
    MONTH_FIRST("MM/dd", "month first (MM/dd/yyyy)"),
    DAY_FIRST("dd/MM", "day first (dd/MM/yyyy)");

    private final String property;
    private final String words;

    Order(String property, String words) {
      this.property = property;
      this.words = words;
    }

    /** The value of {@code pathsim.timeFormat} that states this reading. */
    String property() {
      return property;
    }

    /**
     * The reading a {@code pathsim.timeFormat} value states: null for {@code auto} (or no value).
     *
     * @throws IllegalArgumentException for any other value, listing the values taken
     */
    static @Nullable Order ofProperty(@Nullable String value) {
      if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
        return null;
      }
      for (Order o : values()) {
        if (o.property.equalsIgnoreCase(value.strip())) {
          return o;
        }
      }
      throw new IllegalArgumentException("pathsim.timeFormat must be auto, MM/dd or dd/MM, not '"
          + value + "'");
    }
  }

  /**
   * A Test History time whose two readings are both dates and differ, e.g. {@code "05/08/2025 10:00"};
   * it stands in a row's started_at until the page is settled.
   *
   * @param monthFirst epoch milliseconds read month first, or null when that is no date
   * @param dayFirst epoch milliseconds read day first, or null when that is no date
   */
  record TableTime(JsonNode value, @Nullable Long monthFirst, @Nullable Long dayFirst, AnswerPlace at) {
    @Nullable Long under(Order o) {
      return o == Order.MONTH_FIRST ? monthFirst : dayFirst;
    }

    /** How messages name it: {@code field Time of session "s1" … is "05/08/2025 10:00"}. */
    String shown() {
      return at.field("Time") + " is " + BadAnswer.show(value);
    }
  }

  /** A reading and what showed it, for messages. */
  record Known(Order order, String why) {}

  /** Lists a workspace's sessions with the given parameters; null when there is no such workspace. */
  interface Lister {
    @Nullable JsonNode list(String workspaceId, Map<String, String> params);
  }

  private static final Pattern WEB_TEST_ID = Pattern.compile("^test_(\\d{8})_\\d{6}_");
  private static final long DAY = 86_400_000L;

  private final AtomicReference<@Nullable Known> known = new AtomicReference<>();
  private final boolean stated;

  /** @param stated the reading the connection states ({@code pathsim.timeFormat}), or null to learn it */
  TimeReading(@Nullable Order stated) {
    this.stated = stated != null;
    if (stated != null) {
      known.set(new Known(stated, "pathsim.timeFormat=" + stated.property));
    }
  }

  /**
   * Whether the connection states the reading, so that no answer is ever settled by asking for the
   * lists around a date ({@link #settle}'s requests, which EXPLAIN's estimate counts otherwise).
   */
  boolean stated() {
    return stated;
  }

  /** The reading known so far, or null. */
  @Nullable Order known() {
    Known k = known.get();
    return k == null ? null : k.order();
  }

  /**
   * Replaces every {@link TableTime} in the rows' started_at with its value under the reading the
   * page, the connection or (when neither tells) the listing {@code window} shows, or else under the
   * reading the {@code probe} finds.
   *
   * @param window the created_from/created_to the page was listed with, or null
   * @param workspaces where to look for evidence when the page has none: the page's workspace, or
   *     all of them for sessions got by id
   * @throws ApiException on evidence for both readings, or when nothing tells the reading
   */
  void settle(List<Object[]> rows, @Nullable Window window, String path, Lister lister,
      java.util.function.Supplier<List<String>> workspaces, Cancellation cancellation) {
    TableTime ambiguous = firstAmbiguous(rows);
    Known k = decide(rows, window, path);
    if (k == null && ambiguous != null) {
      k = probe(ambiguous, workspaces.get(), lister, cancellation);
      if (k == null) {
        throw undecided(ambiguous, path);
      }
    }
    for (Object[] row : rows) {
      if (row[SessionColumns.STARTED_AT] instanceof TableTime t) {
        Long v = t.under(k.order());
        if (v == null) { // the page agreed with k, so this cannot happen; never show a wrong value
          throw conflict(path, k, evidence(row));
        }
        row[SessionColumns.STARTED_AT] = v;
      }
    }
  }

  /** The reading the page shows, merged with the connection's; null when neither tells. */
  private @Nullable Known decide(List<Object[]> rows, @Nullable Window window, String path) {
    Known page = null;
    for (Object[] row : rows) {
      Known e = evidence(row);
      if (e != null && page == null) {
        page = e;
      } else if (e != null && e.order() != page.order()) {
        throw conflict(path, page, e);
      }
    }
    if (page != null) {
      return learn(page, path);
    }
    Known current = known.get();
    if (current != null || window == null) {
      return current;
    }
    Known w = window.evidence(rows);
    return w == null ? null : learn(w, path);
  }

  private Known learn(Known e, String path) {
    Known prior = known.compareAndExchange(null, e);
    if (prior == null) {
      return e;
    }
    if (prior.order() != e.order()) {
      throw conflict(path, prior, e);
    }
    return prior;
  }

  /** What one row's Time (and test_id) alone shows, or null. */
  private static @Nullable Known evidence(Object[] row) {
    if (!(row[SessionColumns.STARTED_AT] instanceof TableTime t)) {
      return null;
    }
    if (t.dayFirst() == null) {
      return new Known(Order.MONTH_FIRST, t.shown());
    }
    if (t.monthFirst() == null) {
      return new Known(Order.DAY_FIRST, t.shown());
    }
    Object testId = row[SessionColumns.TEST_ID];
    Matcher m = testId instanceof String s ? WEB_TEST_ID.matcher(s) : null;
    if (m == null || !m.find()) {
      return null;
    }
    long idDay;
    try {
      idDay = LocalDate.parse(m.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
          .toEpochDay();
    } catch (DateTimeParseException e) {
      return null;
    }
    boolean month = Math.abs(Math.floorDiv(t.monthFirst(), DAY) - idDay) <= 1;
    boolean day = Math.abs(Math.floorDiv(t.dayFirst(), DAY) - idDay) <= 1;
    if (month == day) {
      return null;
    }
    return new Known(month ? Order.MONTH_FIRST : Order.DAY_FIRST, t.shown() + " and its test_id is "
        + BadAnswer.show(JsonNodeFactory.instance.textNode((String) testId)));
  }

  private static @Nullable TableTime firstAmbiguous(List<Object[]> rows) {
    for (Object[] row : rows) {
      if (row[SessionColumns.STARTED_AT] instanceof TableTime t && t.monthFirst() != null
          && t.dayFirst() != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * Lists the sessions around each reading of {@code t}'s date in each workspace until an answer
   * shows the reading: under the right one, {@code t}'s own session is in its window.
   */
  private @Nullable Known probe(TableTime t, List<String> workspaces, Lister lister,
      Cancellation cancellation) {
    for (String w : workspaces) {
      for (Order o : Order.values()) {
        cancellation.check();
        Known k = known.get(); // another scan of the connection may have learnt it meanwhile
        if (k != null) {
          return k;
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(t.under(o), DAY));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("created_from", day.minusDays(1).toString());
        params.put("created_to", day.plusDays(2).toString());
        params.put("limit", Integer.toString(PathSimApi.MAX_PAGE));
        JsonNode body = lister.list(w, params);
        if (body == null) {
          continue;
        }
        String path = PathSimApi.sessionsPath(w);
        SessionsPageShape.check(body, path);
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode item : body.get("data")) {
          rows.add(SessionColumns.fromList(item, w, path));
        }
        k = decide(rows, Window.of(params), path);
        if (k != null) {
          return k;
        }
      }
    }
    return null;
  }

  private static ApiException conflict(String path, Known a, @Nullable Known b) {
    String second = b == null ? "" : ", but " + b.why() + ": " + b.order().words;
    return new ApiException(PathSimApi.SPEC.name(), "GET", path, 200,
        "the answers write session times both month first and day first",
        a.why() + (a.why().startsWith("pathsim.") ? " states " : ": ") + a.order().words + second,
        "the driver shows no time it cannot read for sure; if pathsim.timeFormat is set, check it,"
            + " else report the two values with the endpoint", "22000", null);
  }

  private static ApiException undecided(TableTime t, String path) {
    return new ApiException(PathSimApi.SPEC.name(), "GET", path, 200,
        "a session time reads two ways and no answer tells which",
        t.shown() + ": " + date(t.monthFirst()) + " read month first (MM/dd/yyyy), "
            + date(t.dayFirst()) + " read day first (dd/MM/yyyy)",
        "no answer had a day above 12, a web test_id, or a created_from/created_to list around"
            + " either date that fits one reading only; set the connection property"
            + " pathsim.timeFormat to MM/dd or dd/MM", "22000", null);
  }

  private static String date(long millis) {
    return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY)).toString();
  }

  /**
   * The times a list asked with created_from/created_to may hold under any reading of those dates
   * (any UTC offset, created_to inclusive or not): from the day before created_from to the end of
   * the day after created_to.
   */
  record Window(@Nullable Long from, @Nullable Long until) {
    /** The window of a list's parameters, or null without created_from and created_to. */
    static @Nullable Window of(Map<String, String> params) {
      Long from = day(params.get("created_from"), -1);
      Long until = day(params.get("created_to"), 2);
      return from == null && until == null ? null : new Window(from, until);
    }

    private static @Nullable Long day(@Nullable String date, int shift) {
      if (date == null) {
        return null;
      }
      try {
        return LocalDate.parse(date).plusDays(shift).atStartOfDay(ZoneOffset.UTC).toInstant()
            .toEpochMilli();
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    boolean contains(@Nullable Long t) {
      return t != null && (from == null || t >= from) && (until == null || t < until);
    }

    /**
     * The reading under which every listed session is inside the window while, under the other, one
     * is outside; null when both or neither fit (a service that does not filter on Time as
     * documented tells nothing).
     */
    @Nullable Known evidence(List<Object[]> rows) {
      boolean month = true;
      boolean day = true;
      TableTime told = null;
      for (Object[] row : rows) {
        Object v = row[SessionColumns.STARTED_AT];
        if (v instanceof Long t && !contains(t)) {
          return null;
        }
        if (v instanceof TableTime t) {
          month &= contains(t.monthFirst());
          day &= contains(t.dayFirst());
          if (told == null && contains(t.monthFirst()) != contains(t.dayFirst())) {
            told = t;
          }
        }
      }
      if (month == day || told == null) {
        return null;
      }
      Order o = month ? Order.MONTH_FIRST : Order.DAY_FIRST;
      return new Known(o, told.shown() + " in a list asked for " + window() + ", which it fits only "
          + o.words.substring(0, o.words.indexOf(" (")));
    }

    private String window() {
      StringBuilder b = new StringBuilder();
      if (from != null) {
        b.append("created_from=").append(LocalDate.ofEpochDay(from / DAY + 1));
      }
      if (until != null) {
        b.append(b.length() > 0 ? "&" : "").append("created_to=")
            .append(LocalDate.ofEpochDay(until / DAY - 2));
      }
      return b.toString().toLowerCase(Locale.ROOT);
    }
  }
}
