package io.convosql.adapter.insights;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.SortKey;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ModifiableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code insights.sessions}: one row per session document, with the whole document as JSON in
 * {@code document} (fetched only when selected). Also the target of {@code DELETE ... WHERE id = ...}
 * when the schema allows deletes.
 */
final class SessionsTable extends InsightsTable implements ModifiableTable {
  static final int DESTINATION = 5;
  static final int DOCUMENT = 17;
  static final List<Attribute> ATTRIBUTES = List.of(
      Attribute.of("id", VARCHAR, "Session id", "id", DocField.id("id")),
      Attribute.of("session_start_time", TIMESTAMP, "When the session started (UTC); ranges push down as"
          + " from_date/to_date",
          "session_start_time", null),
      Attribute.of("status", VARCHAR, "in_progress or ended", "status", DocField.text("status")),
      Attribute.of("channel", VARCHAR, "Channel, e.g. voice, whatsapp, http", "channel", DocField.id("channel")),
      Attribute.of("source", VARCHAR, "Caller phone number", "source", DocField.id("source")),
      Attribute.of("destination", VARCHAR, "Agent phone number", "destination", DocField.id("destination")),
      Attribute.of("account_id", VARCHAR, "Account id", "account_id", DocField.id("account_id")),
      Attribute.of("language", VARCHAR, "Session language, e.g. en-US", "language", DocField.words("language")),
      agent("agent_id", "Agent id", "id"),
      agent("agent_name", "Agent name", "name"),
      agent("agent_version_id", "Published version of the agent", "version_id"),
      agent("agent_voice", "Agent voice name", "voice"),
      agent("agent_language", "Agent language", "language"),
      channel("call_status", VARCHAR, "Call status: in_progress or ended", "call_status"),
      channel("duration_ms", BIGINT, "Call duration in milliseconds", "duration"),
      channel("status_code", INTEGER, "0 successful, 100 warning, 200 erroneous", "status_code"),
      channel("audio_url", VARCHAR, "Recording URL of the call", "audio_url"),
      Attribute.of("document", VARCHAR, "The whole session document as JSON, for JSON_VALUE and friends;"
          + " fetched only when selected, filters stay local", null, null));

  /** The values the document lists for status and call_status ("in_progress/ended"). */
  private static final Map<String, String> CALL_STATES =
      Map.of("in_progress", "in_progress", "ended", "ended");

  @Override
  Map<Integer, Map<String, String>> documentedValues() {
    return Map.of(column("status"), CALL_STATES, column("call_status"), CALL_STATES);
  }

  private final boolean allowDelete;

  SessionsTable(ScanSettings settings, boolean pushdown, boolean allowDelete) {
    super("sessions", "Insights sessions, one row per session; pushes down filters on every column"
        + " but document (term, must_not, should), matches() on status and language, session_start_time"
        + " ranges, ORDER BY, LIMIT/OFFSET and id lookups", ATTRIBUTES, settings, pushdown);
    this.allowDelete = allowDelete;
  }

  @Override
  public List<String> primaryKey() {
    return List.of("id");
  }

  private static Attribute agent(String name, String description, String field) {
    return Attribute.of(name, VARCHAR, description, "agent_information." + field,
        DocField.id("agent_information." + field));
  }

  private static Attribute channel(String name, org.apache.calcite.sql.type.SqlTypeName type,
      String description, String field) {
    return Attribute.of(name, type, description, "channel_data." + field, DocField.id("channel_data." + field));
  }

  @Override
  boolean sessionRows() {
    return true;
  }

  /**
   * Orders the API gives as SQL wants them: NULLs last (the API puts missing values last), not on
   * document, not on destination (a number in the document's model, so the API may order it as one),
   * and session_start_time only as the last key (the API orders by microseconds, which SQL's
   * milliseconds tie, so a later key would see another order), and not on free text the service may
   * analyse into words (language, whose equalities are sent as match): ElasticSearch refuses to sort
   * by an analysed field.
   */
  @Override
  public boolean supportsSort(List<SortKey> keys, ScanSpec spec) {
    for (int i = 0; i < keys.size(); i++) {
      SortKey k = keys.get(i);
      DocField field = attribute(k.column()).field();
      if (k.nullsFirst() || k.column() == DOCUMENT || k.column() == DESTINATION
          || field != null && !field.term()
          || k.column() == START && i < keys.size() - 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  @Nullable List<String> subtrees(BitSet used) {
    if (used.get(DOCUMENT)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    used.stream().filter(c -> c > START).forEach(c -> out.add(attribute(c).read()));
    return out;
  }

  @Override
  List<Object[]> rows(JsonNode doc, BoundScan scan, AnswerPlace place) {
    AnswerPlace at = session(doc, place);
    Object[] row = new Object[ATTRIBUTES.size()];
    for (int c = 0; c < DOCUMENT; c++) {
      Attribute a = attribute(c);
      row[c] = c <= START || scan.uses(c) ? a.value(doc, at) : null; // unused values stay unread
    }
    row[DOCUMENT] = scan.uses(DOCUMENT) ? doc.toString() : null;
    return List.<Object[]>of(row);
  }

  boolean allowDelete() {
    return allowDelete;
  }

  /** Registers the rule that plans DELETE on this table with the planner of every statement. */
  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    context.getCluster().getPlanner().addRule(DeleteRule.INSTANCE);
    return super.toRel(context, relOptTable);
  }

  /** Called for INSERT only (DELETE, UPDATE and MERGE reach {@link DeleteRule}), which is refused. */
  @Override
  public TableModify toModificationRel(RelOptCluster cluster, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode child, TableModify.Operation operation,
      @Nullable List<String> updateColumnList, @Nullable List<RexNode> sourceExpressionList,
      boolean flattened) {
    throw new UnsupportedOperationException("insights.sessions supports DELETE only, not " + operation);
  }

  /** Never called: deletes run through {@link EnumerableSessionsDelete}, never through a collection. */
  @Override
  public @Nullable Collection<?> getModifiableCollection() {
    throw new UnsupportedOperationException("insights.sessions deletes through the Insights API");
  }

  @Override
  public <T> Queryable<T> asQueryable(QueryProvider queryProvider, SchemaPlus schema, String tableName) {
    throw new UnsupportedOperationException("insights.sessions is read through its scan");
  }

  @Override
  public Type getElementType() {
    return Object[].class;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Expression getExpression(SchemaPlus schema, String tableName, Class clazz) {
    return Schemas.tableExpression(schema, getElementType(), tableName, clazz);
  }
}
