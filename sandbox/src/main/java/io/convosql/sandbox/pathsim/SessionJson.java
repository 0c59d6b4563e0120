package io.convosql.sandbox.pathsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** Writes sessions as the API shows them: a Test History row, or a row followed by the detail fields. */
final class SessionJson {
  private final SessionDetail detail;
  private final ObjectNode node;

  private SessionJson(Session session, boolean dayFirst) {
    this.detail = session.detail();
    this.node = row(session, dayFirst);
  }

  /** The Test History columns' names, in the document's order; {@link #columns} gives their values. */
  static final List<String> COLUMNS = List.of(
      "Time", "Test Type", "Objective", "Connected", "Virtual Customer", "Target", "Source", "_id", "test_id");

  /** The Test History row of a session, with the columns in the document's order. */
  static ObjectNode row(Session s) {
    return row(s, false);
  }

  /** {@link #row(Session)} with the Time written day first when {@code dayFirst}. */
  static ObjectNode row(Session s, boolean dayFirst) {
    ObjectNode row = Wire.object();
    String[] values = columns(s, dayFirst);
    for (int i = 0; i < values.length; i++) {
      row.put(COLUMNS.get(i), values[i]);
    }
    return row;
  }

  /** The values of a session's Test History columns, in the order of {@link #COLUMNS}. */
  static String[] columns(Session s) {
    return columns(s, false);
  }

  /** {@link #columns(Session)} with the Time written day first when {@code dayFirst}. */
  static String[] columns(Session s, boolean dayFirst) {
    return new String[] {
        Wire.tableTime(s.time(), dayFirst), s.testType().label(), s.objective().label(), s.connected().label(),
        s.virtualCustomer(), s.target(), s.source().label(), s.id(), s.testId()};
  }

  /** The row followed by the detail fields; {@code baseUrl} is the API root recording URLs start with. */
  static ObjectNode detail(Session session, String baseUrl) {
    return detail(session, baseUrl, false);
  }

  /** {@link #detail(Session, String)} with the Time written day first when {@code dayFirst}. */
  static ObjectNode detail(Session session, String baseUrl, boolean dayFirst) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    SessionJson json = new SessionJson(session, dayFirst);
    SessionDetail d = json.detail;
    if (d.durationSeconds() != null) {
      json.node.put("duration", duration(d.durationSeconds()));
    }
    if (d.hasRecording()) {
      json.node.put("recording_url", baseUrl + "/sessions/" + session.id() + "/recording");
    }
    json.put("summary", d.summary());
    json.put("call_successful", d.callSuccessful());
    json.put("test_successful", d.testSuccessful());
    json.put("objective_met", d.objectiveMet());
    if (d.web() != null) {
      json.put("reached_target_website", d.web().reachedTargetWebsite());
      json.put("intent_achieved", d.web().intentAchieved());
    }
    if (d.voice() != null) {
      VoiceDetail v = d.voice();
      json.put("transcript", v.transcript());
      json.put("to_number", v.toNumber());
      json.put("disconnection_reason", v.disconnectionReason());
      json.put("user_sentiment", v.userSentiment());
      json.latency(v.latency());
    }
    if (d.web() != null) {
      json.node.put("target_url", d.web().targetUrl());
      ArrayNode steps = json.node.putArray("steps");
      for (Step st : d.web().steps()) {
        steps.addObject()
            .put("step_number", st.stepNumber())
            .put("action", st.action())
            .put("target", st.target())
            .put("value", st.value())
            .put("status", st.status())
            .put("timestamp", st.timestamp());
      }
    }
    return json.node;
  }

  /** A duration as the API writes it: {@code 45s}, {@code 4m 28s}, {@code 1h 2m 5s}. */
  static String duration(int seconds) {
    int h = seconds / 3600;
    int m = seconds % 3600 / 60;
    int s = seconds % 60;
    if (h > 0) {
      return h + "h " + m + "m " + s + "s";
    }
    return m > 0 ? m + "m " + s + "s" : s + "s";
  }

  private void put(String key, String value) {
    if (value != null) {
      node.put(key, value);
    } else {
      absent(key);
    }
  }

  private void put(String key, Boolean value) {
    if (value != null) {
      node.put(key, value);
    } else {
      absent(key);
    }
  }

  /** Leaves an absent value out, or writes it as null when the session's data has it so. */
  private void absent(String key) {
    if (detail.nullKeys().contains(key)) {
      node.putNull(key);
    }
  }

  private void latency(LatencyStats stats) {
    if (stats == null) {
      absent("far_end_latency_stats");
      return;
    }
    node.putObject("far_end_latency_stats")
        .put("average_ms", stats.averageMs())
        .put("min_ms", stats.minMs())
        .put("max_ms", stats.maxMs())
        .put("valid_measurements", stats.validMeasurements());
  }
}
