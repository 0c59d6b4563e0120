package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import java.util.List;

/** {@code insights.node_tags}: the tags each flow_path node collected ({@code flow_path[].tags[]}). */
final class NodeTagsTable extends NodeListTable {
  private static final String INNER = "tags";

  NodeTagsTable(ScanSettings settings, boolean pushdown) {
    super("node_tags", "Tags collected by the nodes of Insights sessions' flow paths, one row per node"
        + " and tag; pushes down session_id, session_start_time ranges, tag and category", INNER, List.of(
            column("tag", VARCHAR, "Tag", INNER, "tag", false),
            column("category", VARCHAR, "Tag category", INNER, "category", false)), settings, pushdown);
  }
}
