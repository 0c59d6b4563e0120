package io.convosql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's PathSim queries. Each hand-written version is the loop a user writes from the
 * document: {@code GET /workspaces}, then each workspace's pages of 100 with the filter parameters
 * the question names, one request at a time, the rest on the client.
 */
final class PathSimSuite {
  private static final String LIST_COLUMNS =
      "id, workspace_id, started_at, test_type, objective, connected, virtual_customer, target, source, test_id";
  private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");

  private PathSimSuite() {}

  static List<SuiteQuery> queries(List<String> voiceIds, List<String> webIds) {
    return List.of(limit(), topN(), count(), dateRange(), filters(), detailAggregate(),
        transcriptLines(voiceIds), steps(webIds), fullScan());
  }

  static SuiteQuery limit() {
    return SuiteQuery.of("ps_limit", "LIMIT",
        "SELECT id, started_at, test_type, virtual_customer FROM pathsim.sessions LIMIT 10",
        "GET /workspaces, then one page from the first workspace that holds 10 sessions (any 10 rows"
            + " answer a LIMIT without ORDER BY): 2",
        h -> {
          List<String> rows = new ArrayList<>();
          for (String w : h.workspaceIds()) {
            h.sessions(w, Map.of(), r -> {
              rows.add(Canon.row(r.path("_id").asText(), HandClient.pathSimTime(r),
                  r.path("Test Type").asText(), r.path("Virtual Customer").asText()));
              return rows.size() < 10;
            });
            if (rows.size() == 10) {
              break;
            }
          }
          return rows;
        },
        h -> {
          long n = 1;
          long need = 10;
          for (String w : h.workspaceIds()) {
            n++;
            need -= Math.min(need, h.sessionsTotal(w, Map.of()));
            if (need == 0) {
              break;
            }
          }
          return n;
        }).checked(Check.SAME_COUNT, -1);
  }

  static SuiteQuery topN() {
    return SuiteQuery.of("ps_top_n", "top-N",
        "SELECT id, started_at, virtual_customer FROM pathsim.sessions ORDER BY started_at DESC LIMIT 20",
        "GET /workspaces, then per workspace one page of sort=-created_at&limit=20 (any workspace may"
            + " hold the newest sessions, an empty one too) and, for one that has 20, the pages of"
            + " created_from = the day before the 20th: the document does not say created_at is the"
            + " start time, so a client that must be right reads the days the 20 reach and sorts them",
        h -> {
          List<Object[]> all = new ArrayList<>();
          for (String w : h.workspaceIds()) {
            List<Object[]> mine = newest(h, w, Map.of("sort", "-created_at"), 20);
            if (mine.size() == 20) {
              mine = newest(h, w, window(mine), -1);
            }
            all.addAll(mine);
          }
          all.sort(Comparator.comparing((Object[] r) -> (LocalDateTime) r[1]).reversed());
          return all.stream().limit(20).map(Canon::row).toList();
        },
        h -> {
          long n = 1;
          for (String w : h.workspaceIds()) {
            List<Object[]> first = newest(h, w, Map.of("sort", "-created_at"), 20);
            n += 1 + (first.size() < 20 ? 0 : Pages.of(h.sessionsTotal(w, window(first)), HandClient.PATHSIM_PAGE));
          }
          return n;
        }).checked(Check.SAME_ORDER, 1);
  }

  /** Up to {@code n} sessions (-1: all) of a listing, newest first by started_at. */
  private static List<Object[]> newest(HandClient h, String w, Map<String, String> params, int n) {
    List<Object[]> rows = new ArrayList<>();
    h.sessions(w, params, r -> {
      rows.add(new Object[] {r.path("_id").asText(), HandClient.pathSimTime(r),
          r.path("Virtual Customer").asText()});
      return n < 0 || rows.size() < n;
    });
    rows.sort(Comparator.comparing((Object[] r) -> (LocalDateTime) r[1]).reversed());
    return rows;
  }

  /** created_from the day before the oldest of these rows' start, with sort=-created_at. */
  private static Map<String, String> window(List<Object[]> rows) {
    LocalDateTime last = (LocalDateTime) rows.get(rows.size() - 1)[1];
    return Map.of("created_from", last.toLocalDate().minusDays(1).toString(), "sort", "-created_at");
  }

  static SuiteQuery count() {
    return SuiteQuery.of("ps_count", "COUNT",
        "SELECT COUNT(*) FROM pathsim.sessions WHERE test_type = 'Voice'",
        "GET /workspaces, then one type=voice&limit=1 page per workspace for its pagination.total:"
            + " 1 + workspaces",
        h -> {
          long[] n = {0};
          for (String w : h.workspaceIds()) {
            h.sessions(w, Map.of("type", "voice"), r -> {
              n[0] += r.path("Test Type").asText().equals("Voice") ? 1 : 0;
              return true;
            });
          }
          return List.of(Canon.row(n[0]));
        },
        h -> 1 + h.workspaceIds().size());
  }

  static SuiteQuery dateRange() {
    LocalDateTime from = LocalDateTime.parse("2025-08-01T00:00");
    LocalDateTime to = LocalDateTime.parse("2025-08-08T00:00");
    return SuiteQuery.of("ps_date_range", "date range",
        "SELECT id, started_at, test_type, source FROM pathsim.sessions"
            + " WHERE started_at >= TIMESTAMP '2025-08-01 00:00:00' AND started_at < TIMESTAMP '2025-08-08 00:00:00'",
        "GET /workspaces, then the pages of 100 of created_from=2025-07-31&created_to=2025-08-10 per"
            + " workspace: the document gives neither the time zone of its dates nor whether created_to"
            + " includes its day, so a client that must be right under every reading widens by a day"
            + " before and two after (docs/pushdown.md)",
        h -> {
          List<String> rows = new ArrayList<>();
          for (String w : h.workspaceIds()) {
            h.sessions(w, Map.of("created_from", "2025-08-01", "created_to", "2025-08-08"), r -> {
              LocalDateTime t = HandClient.pathSimTime(r);
              if (!t.isBefore(from) && t.isBefore(to)) {
                rows.add(Canon.row(r.path("_id").asText(), t, r.path("Test Type").asText(),
                    r.path("Source").asText()));
              }
              return true;
            });
          }
          return rows;
        },
        h -> Pages.pathSimListing(h, Map.of("created_from", "2025-07-31", "created_to", "2025-08-10")));
  }

  static SuiteQuery filters() {
    return SuiteQuery.of("ps_filters", "filters",
        "SELECT id, virtual_customer, objective FROM pathsim.sessions"
            + " WHERE test_type = 'Web' AND source = 'Campaign' AND objective = 'Achieved'",
        "GET /workspaces, then the pages of 100 of type=web&source=Campaign per workspace (objective"
            + " is applied after the page is cut, so sending it saves no page)",
        h -> {
          List<String> rows = new ArrayList<>();
          for (String w : h.workspaceIds()) {
            h.sessions(w, Map.of("type", "web", "source", "Campaign", "objective", "achieved"), r -> {
              if (r.path("Test Type").asText().equals("Web") && r.path("Source").asText().equals("Campaign")
                  && r.path("Objective").asText().equals("Achieved")) {
                rows.add(Canon.row(r.path("_id").asText(), r.path("Virtual Customer").asText(),
                    r.path("Objective").asText()));
              }
              return true;
            });
          }
          return rows;
        },
        h -> Pages.pathSimListing(h, Map.of("type", "web", "source", "Campaign")));
  }

  static SuiteQuery detailAggregate() {
    LocalDateTime from = LocalDateTime.parse("2025-08-25T00:00");
    return SuiteQuery.of("ps_detail_agg", "detail aggregate",
        "SELECT COUNT(*) AS calls, SUM(duration_seconds) AS seconds,"
            + " SUM(CASE WHEN call_successful THEN 1 ELSE 0 END) AS successful FROM pathsim.sessions"
            + " WHERE test_type = 'Voice' AND started_at >= TIMESTAMP '2025-08-25 00:00:00'",
        "the listing (GET /workspaces and the pages of type=voice&created_from=2025-08-24 per"
            + " workspace) plus one GET /sessions/{id} per matching session: the duration is only in"
            + " the detail",
        h -> {
          List<String> ids = voiceSince(h, from, "2025-08-25");
          long calls = 0;
          long seconds = 0;
          long successful = 0;
          for (String id : ids) {
            JsonNode d = h.session(id);
            calls++;
            seconds += seconds(HandClient.text(d, "duration"));
            successful += d.path("call_successful").asBoolean(false) ? 1 : 0;
          }
          return List.of(Canon.row(calls, calls == 0 ? null : seconds, calls == 0 ? null : successful));
        },
        h -> Pages.pathSimListing(h, Map.of("type", "voice", "created_from", "2025-08-24"))
            + voiceSince(h, from, "2025-08-24").size());
  }

  private static List<String> voiceSince(HandClient h, LocalDateTime from, String createdFrom) {
    List<String> ids = new ArrayList<>();
    for (String w : h.workspaceIds()) {
      h.sessions(w, Map.of("type", "voice", "created_from", createdFrom), r -> {
        if (!HandClient.pathSimTime(r).isBefore(from) && r.path("Test Type").asText().equals("Voice")) {
          ids.add(r.path("_id").asText());
        }
        return true;
      });
    }
    return ids;
  }

  private static long seconds(String duration) {
    if (duration == null) {
      return 0;
    }
    Matcher m = DURATION.matcher(duration.strip());
    if (!m.matches()) {
      throw new IllegalStateException("unreadable duration: " + duration);
    }
    long s = 0;
    for (int g = 1; g <= 3; g++) {
      s = s * 60 + (m.group(g) == null ? 0 : Long.parseLong(m.group(g)));
    }
    return s;
  }

  static SuiteQuery transcriptLines(List<String> ids) {
    return SuiteQuery.of("ps_transcript", "child table",
        "SELECT session_id, line_no, speaker, text FROM pathsim.transcript_lines WHERE session_id IN ("
            + quoted(ids) + ")",
        "one GET /sessions/{id} per session named: " + ids.size(),
        h -> {
          List<String> rows = new ArrayList<>();
          for (String id : ids) {
            String transcript = HandClient.text(h.session(id), "transcript");
            if (transcript == null) {
              continue;
            }
            int n = 0;
            for (String line : transcript.split("\\r?\\n")) {
              if (line.isBlank()) {
                continue;
              }
              int colon = line.indexOf(": ");
              rows.add(Canon.row(id, ++n, colon < 0 ? null : line.substring(0, colon).strip(),
                  colon < 0 ? line.strip() : line.substring(colon + 2).strip()));
            }
          }
          return rows;
        },
        h -> ids.size());
  }

  static SuiteQuery steps(List<String> ids) {
    return SuiteQuery.of("ps_steps", "child table",
        "SELECT session_id, step_number, action, status FROM pathsim.steps WHERE session_id IN ("
            + quoted(ids) + ")",
        "one GET /sessions/{id} per session named: " + ids.size(),
        h -> {
          List<String> rows = new ArrayList<>();
          for (String id : ids) {
            for (JsonNode s : h.session(id).path("steps")) {
              rows.add(Canon.row(id, s.path("step_number").asInt(), HandClient.text(s, "action"),
                  HandClient.text(s, "status")));
            }
          }
          return rows;
        },
        h -> ids.size());
  }

  static SuiteQuery fullScan() {
    return SuiteQuery.of("ps_full_scan", "full scan",
        "SELECT " + LIST_COLUMNS + " FROM pathsim.sessions",
        "GET /workspaces, then every page of 100 of every workspace (one for an empty workspace)",
        h -> {
          List<String> rows = new ArrayList<>();
          for (String w : h.workspaceIds()) {
            h.sessions(w, Map.of(), r -> {
              rows.add(Canon.row(r.path("_id").asText(), w, HandClient.pathSimTime(r),
                  r.path("Test Type").asText(), r.path("Objective").asText(), r.path("Connected").asText(),
                  r.path("Virtual Customer").asText(), r.path("Target").asText(), r.path("Source").asText(),
                  r.path("test_id").asText()));
              return true;
            });
          }
          return rows;
        },
        h -> Pages.pathSimListing(h, Map.of()));
  }

  static String listColumns() {
    return LIST_COLUMNS;
  }

  private static String quoted(List<String> ids) {
    return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
  }
}
