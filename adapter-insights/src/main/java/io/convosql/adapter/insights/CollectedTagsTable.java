package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.json.AnswerPlace;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.collected_tags}: every tag a session collected, in order, one row per element of
 * {@code flow_data.collected_tags}; a tag collected twice is two rows (insights.tags counts them).
 */
final class CollectedTagsTable extends ElementTable {
  private static final String LIST = "flow_data.collected_tags";
  private static final int COLLECT_NO = 2;

  CollectedTagsTable(ScanSettings settings, boolean pushdown) {
    super("collected_tags", "Tags as Insights sessions collected them, one row per collection, duplicates"
        + " kept; pushes down session_id, session_start_time ranges, tag and category", LIST, List.of(
            Attribute.of("collect_no", INTEGER, "Place of the collection in the session, from 1", null, null),
            column("tag", VARCHAR, "Tag", LIST, "tag", false),
            column("category", VARCHAR, "Tag category", LIST, "category", false)), settings, pushdown);
  }

  @Override
  @Nullable Object value(int column, JsonNode element, int number, AnswerPlace place) {
    return column == COLLECT_NO ? (Object) number : super.value(column, element, number, place);
  }

  /** Each row is one of its session's, numbered: the two identify it. */
  @Override
  public List<String> primaryKey() {
    return List.of("session_id", "collect_no");
  }
}
