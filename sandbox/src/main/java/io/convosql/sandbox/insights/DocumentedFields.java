package io.convosql.sandbox.insights;

import java.util.List;

/**
 * The fields the Insights document defines (its model, its example output and its list of ID fields),
 * the only ones a search reads: a {@code term} or {@code match} on any other field matches nothing
 * and {@code sort_by} or {@code project_fields} ignore it, as ElasticSearch does for an unmapped
 * field. A {@code *} segment stands for a name the document writes in angle brackets
 * ({@code parameters.<parameter_name>}); a prefix of a field names the object that holds it.
 */
final class DocumentedFields {
  private static final List<String[]> FIELDS = List.of(
      "id", "session_start_time", "status", "language", "channel", "source", "destination", "account_id",
      "api_key", "request_ids",
      "agent_information.id", "agent_information.version_id", "agent_information.name",
      "agent_information.voice", "agent_information.language",
      "channel_data.call_status", "channel_data.duration", "channel_data.audio_url",
      "channel_data.status_code",
      "tags_list.tag", "tags_list.category", "tags_list.count",
      "params_list.name", "params_list.type", "params_list.value", "params_list.value_text",
      "params_list.completed", "params_list.entity", "params_list.audio_url",
      "params.*.completed", "params.*.value", "tags.*.*", "parameters.*",
      "flow_data.injected_parameters", "flow_data.collected_tags.tag", "flow_data.collected_tags.category",
      "flow_data.collected_parameters.name", "flow_data.collected_parameters.type",
      "flow_data.collected_parameters.audio_url", "flow_data.collected_parameters.value",
      "flow_data.collected_parameters.value_text", "flow_data.collected_parameters.completed",
      "flow_data.collected_parameters.entity",
      "flow_path.synchronized", "flow_path.type", "flow_path.request_id", "flow_path.node_id",
      "flow_path.execution_time", "flow_path.tags.tag", "flow_path.tags.category",
      "flow_path.request.headers", "flow_path.request.payload", "flow_path.request.verb",
      "flow_path.request.url", "flow_path.response.code", "flow_path.response.payload",
      "flow_path.context.output", "flow_path.context.user_input", "flow_path.context.url",
      "flow_path.context.status.code", "flow_path.context.status.message",
      "flow_path.context.execution_parameters.name", "flow_path.context.execution_parameters.type",
      "flow_path.context.execution_parameters.value", "flow_path.context.execution_parameters.value_text",
      "flow_path.context.execution_parameters.completed", "flow_path.context.execution_parameters.entity",
      "flow_path.context.execution_parameters.audio_url",
      "flow_path.context.altered_parameters.alteration_source",
      "flow_path.context.altered_parameters.audio_duration",
      "flow_path.context.altered_parameters.audio_url", "flow_path.context.altered_parameters.entity",
      "flow_path.context.altered_parameters.name", "flow_path.context.altered_parameters.value",
      "flow_path.context.altered_parameters.value_text",
      // turns are keyed by "user" or the agent's id; the document searches only the caller's, by the
      // name its own example gives them
      "transcription.client").stream().map(f -> f.split("\\.")).toList();

  private DocumentedFields() {}

  /** Whether the document defines the dotted field (a value, or an object that holds values). */
  static boolean contains(String field) {
    String[] segments = field.split("\\.", -1);
    for (String[] known : FIELDS) {
      if (startsWith(known, segments)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String[] known, String[] segments) {
    if (segments.length > known.length) {
      return false;
    }
    for (int i = 0; i < segments.length; i++) {
      if (!known[i].equals("*") && !known[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }
}
