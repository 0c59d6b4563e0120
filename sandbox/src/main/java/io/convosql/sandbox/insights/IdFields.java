package io.convosql.sandbox.insights;

import java.util.Set;

/**
 * The fields the API document lists as ID fields, which only {@code term} can search: a {@code match}
 * on any of them matches nothing. The list is taken whole from the document, shortcuts included.
 */
final class IdFields {
  private static final Set<String> FIELDS = Set.of(
      "api_key", "id", "source", "destination", "account_id", "channel",
      "agent_information.id", "agent_information.version_id", "agent_information.name",
      "agent_information.voice", "agent_information.language",
      "flow_data.collected_tags.tag", "flow_data.collected_tags.category",
      "flow_data.collected_parameters.name", "flow_data.collected_parameters.type",
      "flow_data.collected_parameters.audio_url",
      "flow_path.node_id", "flow_path.request_id", "flow_path.type",
      "flow_path.tags.tag", "flow_path.tags.category",
      "flow_path.context.execution_parameters.name", "flow_path.context.execution_parameters.type",
      "flow_path.context.execution_parameters.audio_url", "flow_path.context.url",
      "flow_path.request.payload", "flow_path.request.url", "flow_path.request.headers",
      "flow_path.request.verb", "flow_path.response.payload",
      "tags_list.tag", "tags_list.category", "tags_list.count",
      "params_list.name", "params_list.type", "params_list.value", "params_list.audio_url",
      "flow_path.context.altered_parameters.alteration_source",
      "flow_path.context.altered_parameters.audio_duration",
      "flow_path.context.altered_parameters.audio_url", "flow_path.context.altered_parameters.entity",
      "flow_path.context.altered_parameters.name", "flow_path.context.altered_parameters.value",
      "flow_path.context.altered_parameters.value_text",
      "channel_data.audio_url", "channel_data.call_status", "channel_data.duration",
      "channel_data.status_code");

  private IdFields() {}

  static boolean contains(String field) {
    return FIELDS.contains(field)
        || field.startsWith(FieldValues.PARAMETERS_PREFIX)
        || field.startsWith(FieldValues.TAGS_PREFIX);
  }
}
