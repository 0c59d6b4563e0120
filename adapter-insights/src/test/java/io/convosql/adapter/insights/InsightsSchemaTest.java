package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The schema's configuration and the tables and column types it declares. */
class InsightsSchemaTest {
  @Test
  void regionsAreUsAndEu() {
    assertThat(InsightsSchema.regionUrl("us")).hasToString("https://studio-api-us.ai.vonage.com/");
    assertThat(InsightsSchema.regionUrl(" EU ")).hasToString("https://studio-api-eu.ai.vonage.com/");
    assertThatThrownBy(() -> InsightsSchema.regionUrl("apac")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("insights.region must be us or eu, not 'apac'");
  }

  @Test
  void theLookbackMustBeAtLeastOneDay() {
    assertThatThrownBy(() -> new InsightsSchema(HttpUrl.get("http://127.0.0.1:9"), null, TestHttp.settings(Duration.ofSeconds(1)),
        true, 0, false, TestApi.CLOCK)).hasMessage("lookbackDays must be at least 1, not 0");
  }

  @Test
  void theTablesAndTheirColumnTypes() throws SQLException {
    InsightsSchema schema = new InsightsSchema(HttpUrl.get("http://127.0.0.1:9"), null, TestHttp.settings(Duration.ofSeconds(1)),
        true, 60, false, TestApi.CLOCK);
    try (Connection c = Sql.connect("insights", schema)) {
      DatabaseMetaData md = c.getMetaData();
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "insights", "%", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + " "
              + rs.getString("TYPE_NAME").replace(" NOT NULL", ""));
        }
      }
      assertThat(columns).contains("sessions.id VARCHAR", "sessions.session_start_time TIMESTAMP(3)",
          "sessions.duration_ms BIGINT", "sessions.status_code INTEGER", "sessions.document VARCHAR",
          "transcript_lines.line_no INTEGER", "tags.tag_count INTEGER", "flow_path.synchronized BOOLEAN",
          "flow_path.execution_time_ms BIGINT", "parameters.completed BOOLEAN",
          "flow_path.webhook_url VARCHAR", "parameters.audio_url VARCHAR", "collected_tags.collect_no INTEGER",
          "collected_parameters.completed BOOLEAN", "request_ids.request_id VARCHAR", "node_tags.step_no INTEGER",
          "execution_parameters.step_no INTEGER", "altered_parameters.audio_duration DOUBLE");
      assertThat(columns.stream().map(s -> s.substring(0, s.indexOf('.'))).distinct())
          .containsExactlyInAnyOrder("sessions", "transcript_lines", "tags", "flow_path", "parameters",
              "collected_tags", "collected_parameters", "request_ids", "node_tags", "execution_parameters",
              "altered_parameters");
      // the tables of the document's other lists, each in its column order
      assertThat(inTable(columns, "collected_tags")).containsExactly("session_id VARCHAR",
          "session_start_time TIMESTAMP(3)", "collect_no INTEGER", "tag VARCHAR", "category VARCHAR");
      assertThat(inTable(columns, "collected_parameters")).containsExactly("session_id VARCHAR",
          "session_start_time TIMESTAMP(3)", "collect_no INTEGER", "name VARCHAR", "type VARCHAR", "value VARCHAR",
          "value_text VARCHAR", "completed BOOLEAN", "audio_url VARCHAR");
      assertThat(inTable(columns, "request_ids")).containsExactly("session_id VARCHAR",
          "session_start_time TIMESTAMP(3)", "request_id VARCHAR");
      assertThat(inTable(columns, "node_tags")).containsExactly("session_id VARCHAR",
          "session_start_time TIMESTAMP(3)", "step_no INTEGER", "tag VARCHAR", "category VARCHAR");
      assertThat(inTable(columns, "execution_parameters")).containsExactly("session_id VARCHAR",
          "session_start_time TIMESTAMP(3)", "step_no INTEGER", "name VARCHAR", "type VARCHAR", "value VARCHAR",
          "value_text VARCHAR", "completed BOOLEAN", "audio_url VARCHAR");
      assertThat(inTable(columns, "altered_parameters")).containsExactly("session_id VARCHAR",
          "session_start_time TIMESTAMP(3)", "step_no INTEGER", "alteration_source VARCHAR", "name VARCHAR",
          "entity VARCHAR", "value VARCHAR", "value_text VARCHAR", "audio_url VARCHAR", "audio_duration DOUBLE");
      assertThat(inTable(columns, "parameters")).endsWith("completed BOOLEAN", "audio_url VARCHAR");
      assertThat(inTable(columns, "flow_path")).endsWith("status_message VARCHAR", "webhook_url VARCHAR");
      assertThat(columns).filteredOn(s -> s.startsWith("sessions.")).extracting(s -> s.split(" ")[0])
          .containsExactly("sessions.id", "sessions.session_start_time", "sessions.status", "sessions.channel",
              "sessions.source", "sessions.destination", "sessions.account_id", "sessions.language",
              "sessions.agent_id", "sessions.agent_name", "sessions.agent_version_id", "sessions.agent_voice",
              "sessions.agent_language", "sessions.call_status", "sessions.duration_ms", "sessions.status_code",
              "sessions.audio_url", "sessions.document");
    } finally {
      schema.close();
    }
  }

  /** The columns of one table, in order, as "name TYPE". */
  private static List<String> inTable(List<String> columns, String table) {
    return columns.stream().filter(s -> s.startsWith(table + ".")).map(s -> s.substring(table.length() + 1))
        .toList();
  }
}
