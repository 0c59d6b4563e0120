package io.convosql.adapter.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convosql.core.plan.Operand;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.SortKey;
import io.convosql.core.plan.Term;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Every field the adapter can put into {@code filter_by}, {@code sort_by} or {@code project_fields}
 * is one the Insights document defines: the test walks the translator over every column of every
 * table, with every kind of term and every pin of other columns, so a new mapping cannot slip in
 * undocumented.
 */
class InsightsDocumentedFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The fields the document defines, transcribed from it; each comment is the document's line.
   * {@code <name>} stands for a name the document writes in angle brackets.
   */
  private static final List<String> DOCUMENTED = List.of(
      "id", // "id" : "<session_id>", and ID fields: "id / Session ID"
      "session_start_time", // "session_start_time" : "<session time in isoformat>
      "status", // "status" : "<in_progress/ended>"
      "language", // "language" : "en-US"
      "channel", // "channel" : "<telephony/whatsapp>"; ID fields: "channel / Telephony/ Whatsapp/ http"
      "source", // "source" : "<caller_phone_number>"; ID fields: "source / Caller phone number"
      "destination", // "destination" : <agent_phone_number>; ID fields: "destination / Agent phone number"
      "account_id", // "account_id" : "<account_id>"; ID fields: "account_id"
      "agent_information.id", // ID fields: "agent_information.id / Agent ID"
      "agent_information.version_id", // ID fields: "agent_information.version_id / Published Version"
      "agent_information.name", // ID fields: "agent_information.name / Agent Name"
      "agent_information.voice", // ID fields: "agent_information.voice / Voice name"
      "agent_information.language", // ID fields: "agent_information.language / Agent Language"
      "channel_data.audio_url", // ID fields: "channel_data.audio_url / Recording URL for the call"
      "channel_data.call_status", // ID fields: "channel_data.call_status / The call's status (in_progress/ended)"
      "channel_data.duration", // ID fields: "channel_data.duration / Call's duration (in milliseconds)"
      "channel_data.status_code", // ID fields: "channel_data.status_code / The call's status in terms of ..."
      "tags_list", // "tags_list" : [
      "tags_list.tag", // ID fields: "tags_list.tag / Tags collected by session, no duplication here, ..."
      "tags_list.category", // ID fields: "tags_list.category / Tag Category"
      "tags_list.count", // ID fields: "tags_list.count / Amount of times the tag was collected"
      "params_list", // "params_list" : [
      "params_list.name", // ID fields: "params_list.name / Paramters collected by the session, ..."
      "params_list.type", // ID fields: "params_list.type"
      "params_list.value", // ID fields: "params_list.value"
      "params_list.value_text", // params_list: "value_text" : "<textual_value>",
      "params_list.completed", // params_list: "completed" : <true/false>,
      "params_list.audio_url", // ID fields: "params_list.audio_url / Recording url of the parameter"
      "parameters.<parameter_name>", // ID fields: "parameters.<parameter_name> / A way to get the parameter's last set value ..."
      "flow_path", // "flow_path" : [
      "flow_path.node_id", // ID fields: "flow_path.node_id"
      "flow_path.request_id", // ID fields: "flow_path.request_id / Request ID made by the node"
      "flow_path.type", // ID fields: "flow_path.type / Node type"
      "flow_path.execution_time", // flow_path: "execution_time" : <execution_time>
      "flow_path.synchronized", // flow_path: "synchronized" : <true/false>,
      "flow_path.request.verb", // ID fields: "flow_path.request.verb / POST/GET/UPDATE etc"
      "flow_path.request.url", // ID fields: "flow_path.request.url / Same URL as above"
      "flow_path.request.headers", // ID fields: "flow_path.request.headers / Headers sent to the URL"
      "flow_path.request.payload", // ID fields: "flow_path.request.payload / The payload sent to the webhook"
      "flow_path.response.code", // flow_path: "response" : { "code" : <status_code>,
      "flow_path.response.payload", // ID fields: "flow_path.response.payload / Response provided by the API"
      "flow_path.context.user_input", // flow_path: "context" : { ... "user_input" : "<user_input>",
      "flow_path.context.status.code", // flow_path: "context" : { ... "status" : { "code" : <status_code>,
      "flow_path.context.status.message", // flow_path: "context" : { ... "status" : { ... "message" : "<message>"
      "flow_path.context.url", // ID fields: "flow_path.context.url / If the node send a webhook request to another URL, ..."
      "flow_path.tags.tag", // ID fields: "flow_path.tags.tag / Tags collected by the node"
      "flow_path.tags.category", // ID fields: "flow_path.tags.category / Tag category collected by the node"
      "flow_path.context.execution_parameters.name", // ID fields: "... / Parameter information"
      "flow_path.context.execution_parameters.audio_url", // ID fields: "... / Parameter information"
      "flow_path.context.execution_parameters.value", // execution_parameters: "value" : "<execution_param_1_name>",
      "flow_path.context.execution_parameters.value_text", // execution_parameters: "value_text" : "<textual_value>",
      "flow_path.context.execution_parameters.completed", // execution_parameters: "completed" : <true/false>,
      "flow_path.context.altered_parameters.alteration_source", // ID fields: "... / What caused this parameter's value to change? ..."
      "flow_path.context.altered_parameters.audio_url", // ID fields
      "flow_path.context.altered_parameters.entity", // ID fields
      "flow_path.context.altered_parameters.name", // ID fields
      "flow_path.context.altered_parameters.value", // ID fields
      "flow_path.context.altered_parameters.value_text", // ID fields
      "flow_data.collected_tags", // "flow_data" : { ... "collected_tags" : [
      "flow_data.collected_tags.tag", // ID fields: "flow_data.collected_tags.tag / Collected tags during the call, ..."
      "flow_data.collected_tags.category", // ID fields: "flow_data.collected_tags.category"
      "flow_data.collected_parameters", // "flow_data" : { ... "collected_parameters" : [
      "flow_data.collected_parameters.name", // ID fields: "flow_data.collected_parameters.name / Collected parameters, ..."
      "flow_data.collected_parameters.audio_url", // ID fields: "flow_data.collected_parameters.audio_url / Recording URL"
      "flow_data.collected_parameters.value", // collected_parameters: "value" : "<param_1_value>",
      "flow_data.collected_parameters.value_text", // collected_parameters: "value_text" : "<textual_value>",
      "flow_data.collected_parameters.completed", // collected_parameters: "completed" : <true/false>,
      "request_ids", // "request_ids" : [ "<request_id_1>", ... ]; example: {"term": {"request_ids": "12345"}}
      "transcription", // "transcription" : [
      "transcription.client"); // {"match": {"transcription.client": "i love this agent!"}}

  private static final List<String> PIN_VALUES = List.of("user", "agent", "5f7f2f337340dc7249f81406", "x");

  private static boolean documented(String field) {
    for (String d : DOCUMENTED) {
      String pattern = d.replaceAll("\\.", "\\\\.").replaceAll("<[a-z_]+>", "[^.]+");
      if (field.matches(pattern)) {
        return true;
      }
    }
    return false;
  }

  private static List<InsightsTable> tables() {
    InsightsSchema schema = new InsightsSchema(HttpUrl.get("http://localhost:1"), "key",
        TestHttp.settings(Duration.ofSeconds(1)), true, 60, true, TestApi.CLOCK);
    List<InsightsTable> out = new ArrayList<>();
    for (String name : schema.getTableNames()) {
      out.add((InsightsTable) schema.getTable(name));
    }
    return out;
  }

  private static Object sample(InsightsTable t, int column, String text) {
    return column == InsightsTable.START ? (Object) 1_750_000_000_000L : text;
  }

  /** Every term a column can carry: =, IN, <>, NOT IN, IS NULL, LIKE, a range, matches(). */
  private static List<Term> terms(InsightsTable t, int c) {
    Operand a = Operand.literal(sample(t, c, "a"));
    Operand b = Operand.literal(sample(t, c, "b"));
    return List.of(new Term.Compare(c, Term.Op.EQ, a), new Term.InList(c, List.of(a, b), false),
        new Term.Compare(c, Term.Op.NE, a), new Term.InList(c, List.of(a, b), true),
        new Term.IsNull(c, false), new Term.IsNull(c, true), new Term.Like(c, "a%", null),
        new Term.Compare(c, Term.Op.GT, a), new Term.Call("matches", c, List.of(Operand.literal("w"))),
        new Term.Compare(c, Term.Op.EQ, Operand.parameter(0)),
        new Term.Call("matches", c, List.of(Operand.parameter(0))));
  }

  /** Sets of terms pinning no, one or two other columns to each sample value, plus a start bound. */
  private static List<List<Term>> pins(InsightsTable t, int column) {
    int n = t.columns().size();
    List<List<Term>> out = new ArrayList<>();
    out.add(List.of());
    out.add(List.of(new Term.Compare(InsightsTable.START, Term.Op.GE, Operand.literal(1_750_000_000_000L))));
    for (int o = 0; o < n; o++) {
      for (String v : PIN_VALUES) {
        if (o != column && o != InsightsTable.START) {
          out.add(List.of(new Term.Compare(o, Term.Op.EQ, Operand.literal(v))));
          for (int p = o + 1; p < n; p++) {
            if (p != column && p != InsightsTable.START) {
              out.add(List.of(new Term.Compare(o, Term.Op.EQ, Operand.literal(v)),
                  new Term.Compare(p, Term.Op.EQ, Operand.literal(v))));
            }
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyFilteredFieldIsDocumented() {
    TreeSet<String> sent = new TreeSet<>();
    for (InsightsTable t : tables()) {
      for (int c = 0; c < t.columns().size(); c++) {
        for (Term term : terms(t, c)) {
          for (List<Term> pinned : pins(t, c)) {
            List<Term> all = new ArrayList<>(pinned);
            all.add(term);
            SearchPlan plan = SearchPlan.of(all, t);
            for (List<Clause> clauses : List.of(plan.must, plan.mustNot, plan.should)) {
              clauses.forEach(cl -> sent.add(cl.field()));
            }
          }
        }
      }
    }
    assertThat(sent).contains("id", "status", "agent_information.name", "channel_data.duration",
        "tags_list.tag", "flow_path.context.user_input", "params_list.value_text", "parameters.x",
        "transcription.client");
    assertThat(sent).allMatch(InsightsDocumentedFieldsTest::documented, "a field the document defines")
        .noneMatch(f -> f.startsWith("transcription.") && !f.equals("transcription.client"));
  }

  @Test
  void everySortedFieldIsDocumented() {
    TreeSet<String> sent = new TreeSet<>();
    for (InsightsTable t : tables()) {
      ScanSpec spec = ScanSpec.all(t.columns().size());
      for (int c = 0; c < t.columns().size(); c++) {
        for (boolean desc : new boolean[] {false, true}) {
          List<SortKey> keys = List.of(new SortKey(c, desc, false));
          if (t.supportsSort(keys, spec)) {
            for (String item : t.sortBy(keys).split(",")) {
              sent.add(item.substring(0, item.lastIndexOf(':')));
            }
          }
        }
      }
    }
    assertThat(sent).contains("session_start_time", "agent_information.name", "channel_data.duration");
    assertThat(sent).allMatch(InsightsDocumentedFieldsTest::documented, "a field the document defines");
  }

  @Test
  void everyProjectedFieldIsDocumented() throws Exception {
    TreeSet<String> sent = new TreeSet<>();
    for (InsightsTable t : tables()) {
      int n = t.columns().size();
      List<BitSet> uses = new ArrayList<>();
      BitSet all = new BitSet();
      all.set(0, n);
      uses.add(all);
      for (int c = 0; c < n; c++) {
        BitSet one = new BitSet();
        one.set(c);
        uses.add(one);
      }
      for (BitSet used : uses) {
        String project = t.projectFields(used);
        if (project != null) {
          JSON.readTree(project).forEach(f -> sent.add(f.asText()));
        }
      }
    }
    assertThat(sent).contains("id", "session_start_time", "transcription", "flow_path", "params_list",
        "tags_list", "agent_information.voice");
    assertThat(sent).allMatch(InsightsDocumentedFieldsTest::documented, "a field the document defines");
  }

  @Test
  void theListRejectsWhatTheDocumentDoesNotDefine() {
    assertThat(List.of("transcription.agent", "transcription.user", "transcription.5f7f2f337340dc7249f81406",
        "agent_id", "parameters.a.b", "flow_path.context.output.x")).noneMatch(
            InsightsDocumentedFieldsTest::documented);
    assertThat(Map.of("parameters.name", true, "tags_list.count", true)).allSatisfy(
        (f, ok) -> assertThat(documented(f)).isEqualTo(ok));
  }
}
