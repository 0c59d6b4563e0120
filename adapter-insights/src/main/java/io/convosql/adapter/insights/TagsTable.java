package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import java.util.List;

/** {@code insights.tags}: the tags a session collected, one row per tag (from {@code tags_list}). */
final class TagsTable extends ElementTable {
  private static final String LIST = "tags_list";

  TagsTable(ScanSettings settings, boolean pushdown) {
    super("tags", "Tags collected by Insights sessions, one row per session and tag; pushes down"
        + " session_id, session_start_time ranges, category, tag and tag_count", LIST, List.of(
            column("category", VARCHAR, "Tag category", LIST, "category", false),
            column("tag", VARCHAR, "Tag", LIST, "tag", false),
            column("tag_count", INTEGER, "How many times the session collected the tag", LIST, "count",
                false)), settings, pushdown);
  }
}
