package io.convosql.adapter.insights;

import io.convosql.sandbox.RecordedRequest;
import io.convosql.sandbox.Sandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one sandbox every Insights test of this JVM shares (generating it takes seconds), its fixed
 * "now", and a rendering of recorded requests with their parameters in the API document's order.
 * Tests that add sessions put them before 2025-03-01, where the generated history (180 days before
 * now) has none, so other tests never see them.
 */
final class TestApi {
  static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final List<String> ORDER = List.of("from_date", "to_date", "page_number", "page_size",
      "sort_by", "filter_by", "project_fields", "session_start_time");
  /** The sort_by of a search that no ORDER BY is pushed into: a total order, oldest first. */
  static final String UNORDERED = "session_start_time:asc,id:asc";
  private static Sandbox sandbox;

  private TestApi() {}

  static synchronized Sandbox sandbox() {
    if (sandbox == null) {
      sandbox = Sandbox.builder().seed(11).now(NOW).pathSimSessions(300).insightsSessions(1500).start();
      Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    }
    return sandbox;
  }

  /** The Insights requests since the last clear, each as {@link #line}. */
  static List<String> requests() {
    return sandbox().requests().of("insights").stream().map(TestApi::line).toList();
  }

  static List<RecordedRequest> recorded() {
    return sandbox().requests().of("insights");
  }

  static void clear() {
    sandbox().requests().clear();
  }

  /**
   * The requests of a full read of one window: pages 0, 1, ... of {@code size} until {@code hits}
   * hits are read (one page when there are none), as {@link #line} writes them; null parts are left
   * out.
   */
  static List<String> pages(String from, String to, int size, String sortBy, String filterBy,
      String project, int hits) {
    List<String> out = new java.util.ArrayList<>();
    for (int page = 0; page == 0 || page * size < hits; page++) {
      out.add(search(from, to, page, size, sortBy, filterBy, project));
    }
    return out;
  }

  /** One search request as {@link #line} writes it; null parts are left out. */
  static String search(String from, String to, int page, int size, String sortBy, String filterBy,
      String project) {
    return "GET /insights/sessions from_date=" + from + " to_date=" + to + " page_number=" + page
        + " page_size=" + size + (sortBy == null ? "" : " sort_by=" + sortBy)
        + (filterBy == null ? "" : " filter_by=" + filterBy)
        + (project == null ? "" : " project_fields=" + project);
  }

  /** {@code GET /insights/sessions from_date=... to_date=... page_number=0 ...}, decoded. */
  static String line(RecordedRequest r) {
    StringBuilder b = new StringBuilder(r.method()).append(' ').append(r.path());
    for (String name : ORDER) {
      if (r.param(name) != null) {
        b.append(' ').append(name).append('=').append(r.param(name));
      }
    }
    return b.toString();
  }
}
