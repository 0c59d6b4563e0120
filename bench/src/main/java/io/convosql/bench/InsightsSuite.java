package io.convosql.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's Insights queries and the cross-API join. Each hand-written version pages through one
 * search of the date range ({@code page_size=100}, {@code page_number} from 0, whole documents),
 * with the {@code filter_by} or {@code sort_by} the question names, one request at a time.
 */
final class InsightsSuite {
  private InsightsSuite() {}

  static List<SuiteQuery> queries(String agentName) {
    return List.of(topN(), count(agentName), tags(), transcriptMatch(), scan(), join());
  }

  static SuiteQuery topN() {
    return SuiteQuery.of("in_top_n", "top-N",
        "SELECT id, agent_name, duration_ms FROM insights.sessions"
            + " WHERE session_start_time >= TIMESTAMP '2025-07-15 00:00:00'"
            + " AND session_start_time < TIMESTAMP '2025-09-01 00:00:00' ORDER BY duration_ms DESC LIMIT 10",
        "one search of the 48-day window with sort_by=channel_data.duration:desc&page_size=10: 1",
        h -> {
          List<String> rows = new ArrayList<>();
          h.search("2025-07-15", "2025-08-31", null, "channel_data.duration:desc", d -> {
            rows.add(Canon.row(d.path("id").asText(), d.path("agent_information").path("name").asText(),
                number(d.path("channel_data").path("duration"))));
            return rows.size() < 10;
          });
          return rows;
        },
        h -> 1).checked(Check.SAME_ORDER, 2);
  }

  static SuiteQuery count(String agentName) {
    String filter = "{\"must\":[{\"term\":{\"agent_information.name\":" + json(agentName) + "}}]}";
    return SuiteQuery.of("in_count", "COUNT",
        "SELECT COUNT(*) FROM insights.sessions WHERE session_start_time >= TIMESTAMP '2025-07-15 00:00:00'"
            + " AND session_start_time < TIMESTAMP '2025-09-01 00:00:00' AND agent_name = '" + agentName + "'",
        "one search of the window with the agent's term and any page size, for its total: 1",
        h -> {
          long[] n = {0};
          h.search("2025-07-15", "2025-08-31", filter, null, d -> {
            n[0] += agentName.equals(d.path("agent_information").path("name").asText()) ? 1 : 0;
            return true;
          });
          return List.of(Canon.row(n[0]));
        },
        h -> 1);
  }

  static SuiteQuery tags() {
    return SuiteQuery.of("in_tags", "GROUP BY on a child table",
        "SELECT tag, COUNT(*) AS sessions FROM insights.tags WHERE session_start_time >= TIMESTAMP"
            + " '2025-08-01 00:00:00' AND session_start_time < TIMESTAMP '2025-08-15 00:00:00' GROUP BY tag",
        "the pages of 100 of the two-week window: the tags are in every session's document",
        h -> {
          Map<String, Long> counts = new TreeMap<>();
          h.search("2025-08-01", "2025-08-14", null, null, d -> {
            for (JsonNode t : d.path("tags_list")) {
              counts.merge(t.path("tag").asText(), 1L, Long::sum);
            }
            return true;
          });
          return counts.entrySet().stream().map(e -> Canon.row(e.getKey(), e.getValue())).toList();
        },
        h -> Pages.insightsSearch(h, "2025-08-01", "2025-08-14", null));
  }

  static SuiteQuery transcriptMatch() {
    String filter = "{\"must\":[{\"match\":{\"transcription.client\":\"cancel\"}}]}";
    return SuiteQuery.of("in_transcript", "child table, text match",
        "SELECT session_id, line_no, text FROM insights.transcript_lines"
            + " WHERE session_start_time >= TIMESTAMP '2025-08-01 00:00:00'"
            + " AND session_start_time < TIMESTAMP '2025-09-01 00:00:00' AND role = 'user'"
            + " AND \"matches\"(text, 'cancel')",
        "the pages of 100 of the month's search with match transcription.client 'cancel'",
        h -> {
          List<String> rows = new ArrayList<>();
          h.search("2025-08-01", "2025-08-31", filter, null, d -> {
            int n = 0;
            for (JsonNode turn : d.path("transcription")) {
              Iterator<Map.Entry<String, JsonNode>> said = turn.fields();
              while (said.hasNext()) {
                Map.Entry<String, JsonNode> e = said.next();
                n++;
                if (e.getKey().equals("user") && hasWord(e.getValue().asText(), "cancel")) {
                  rows.add(Canon.row(d.path("id").asText(), n, e.getValue().asText()));
                }
              }
            }
            return true;
          });
          return rows;
        },
        h -> Pages.insightsSearch(h, "2025-08-01", "2025-08-31", filter));
  }

  static SuiteQuery scan() {
    return SuiteQuery.of("in_scan", "date-range scan",
        "SELECT id, agent_name, channel, duration_ms FROM insights.sessions"
            + " WHERE session_start_time >= TIMESTAMP '2025-07-04 00:00:00'"
            + " AND session_start_time < TIMESTAMP '2025-09-01 00:00:00'",
        "the pages of 100 of the 59-day window",
        h -> {
          List<String> rows = new ArrayList<>();
          h.search("2025-07-04", "2025-08-31", null, null, d -> {
            rows.add(Canon.row(d.path("id").asText(), d.path("agent_information").path("name").asText(),
                HandClient.text(d, "channel"), number(d.path("channel_data").path("duration"))));
            return true;
          });
          return rows;
        },
        h -> Pages.insightsSearch(h, "2025-07-04", "2025-08-31", null));
  }

  static SuiteQuery join() {
    LocalDateTime from = LocalDateTime.parse("2025-08-29T00:00");
    LocalDateTime to = LocalDateTime.parse("2025-09-01T00:00");
    return SuiteQuery.of("join", "cross-API join",
        "SELECT p.id, p.virtual_customer, i.id, i.agent_name, i.duration_ms FROM pathsim.sessions p"
            + " JOIN insights.sessions i ON i.destination = p.target"
            + " AND i.session_start_time BETWEEN p.started_at AND p.started_at + INTERVAL '5' MINUTE"
            + " WHERE p.test_type = 'Voice' AND p.started_at >= TIMESTAMP '2025-08-29 00:00:00'"
            + " AND p.started_at < TIMESTAMP '2025-09-01 00:00:00'"
            + " AND i.session_start_time >= TIMESTAMP '2025-08-29 00:00:00'"
            + " AND i.session_start_time < TIMESTAMP '2025-09-01 00:00:00'",
        "the PathSim listing (GET /workspaces and the pages of type=voice&created_from=2025-08-28"
            + "&created_to=2025-09-03 per workspace), then the pages of 100 of one Insights search of"
            + " the window whose should-terms name the calls' targets as destinations",
        h -> {
          List<String[]> calls = voiceCalls(h, from, to);
          List<JsonNode> sessions = new ArrayList<>();
          h.search("2025-08-29", "2025-08-31", null, null, d -> sessions.add(d));
          List<String> rows = new ArrayList<>();
          for (String[] c : calls) {
            LocalDateTime at = LocalDateTime.parse(c[3]);
            for (JsonNode d : sessions) {
              LocalDateTime t = HandClient.insightsTime(d);
              if (c[2].equals(HandClient.text(d, "destination")) && !t.isBefore(at)
                  && !t.isAfter(at.plusMinutes(5))) {
                rows.add(Canon.row(c[0], c[1], d.path("id").asText(),
                    d.path("agent_information").path("name").asText(),
                    number(d.path("channel_data").path("duration"))));
              }
            }
          }
          return rows;
        },
        h -> {
          long n = Pages.pathSimListing(h,
              Map.of("type", "voice", "created_from", "2025-08-28", "created_to", "2025-09-03"));
          List<String> targets = voiceCalls(h, from, to).stream().map(c -> c[2]).distinct().toList();
          if (targets.isEmpty()) {
            return n; // nothing to join: no Insights request is needed
          }
          StringBuilder should = new StringBuilder("{\"should\":[");
          for (int i = 0; i < targets.size(); i++) {
            should.append(i > 0 ? "," : "").append("{\"term\":{\"destination\":").append(json(targets.get(i)))
                .append("}}");
          }
          return n + Pages.insightsSearch(h, "2025-08-29", "2025-08-31", should.append("]}").toString());
        });
  }

  /** Voice calls started in [from, to): id, virtual customer, target, start. */
  private static List<String[]> voiceCalls(HandClient h, LocalDateTime from, LocalDateTime to) {
    List<String[]> calls = new ArrayList<>();
    for (String w : h.workspaceIds()) {
      h.sessions(w, Map.of("type", "voice", "created_from", "2025-08-29", "created_to", "2025-09-01"), r -> {
        LocalDateTime t = HandClient.pathSimTime(r);
        if (!t.isBefore(from) && t.isBefore(to) && r.path("Test Type").asText().equals("Voice")) {
          calls.add(new String[] {r.path("_id").asText(), r.path("Virtual Customer").asText(),
              r.path("Target").asText(), t.toString()});
        }
        return true;
      });
    }
    return calls;
  }

  /**
   * The word rule of {@code matches} (ElasticSearch's standard analyser) as far as Latin text goes,
   * written here without the driver's code: runs of letters, digits and underscores, joined across
   * one {@code . ' :} between letters and one {@code . ,} between digits ({@code chatbot.com},
   * {@code don't} and {@code 4.5} are one word each), compared without case.
   */
  private static boolean hasWord(String text, String word) {
    java.util.regex.Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (m.group().equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile(
      "[\\p{L}\\p{N}_]+(?:(?<=\\p{L})['.:’](?=\\p{L})[\\p{L}\\p{N}_]+|(?<=\\p{N})[.,](?=\\p{N})[\\p{L}\\p{N}_]+)*");

  private static Long number(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asLong();
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
