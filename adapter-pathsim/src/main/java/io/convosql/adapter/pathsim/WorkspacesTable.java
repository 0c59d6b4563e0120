package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.exec.BoundScan;
import io.convosql.core.exec.RowSource;
import io.convosql.core.json.AnswerPlace;
import io.convosql.core.json.JsonFields;
import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Column;
import io.convosql.core.plan.Pushdown;
import io.convosql.core.plan.ScanSpec;
import io.convosql.core.plan.Term;
import java.util.ArrayList;
import java.util.List;

/** {@code pathsim.workspaces}: the organization's workspaces, from one {@code GET /workspaces}. */
final class WorkspacesTable extends ApiTable {
  private static final String PATH = "/workspaces";
  private static final String CREATED_AT_EXAMPLE = "a time like \"2025-01-01T00:00:00.000Z\"";
  private final PathSimApi api;

  WorkspacesTable(PathSimApi api, boolean pushdown) {
    super("workspaces", "PathSim workspaces of the organization (one request; filters apply locally)",
        List.of(
            new Column("id", VARCHAR, "Workspace identifier"),
            new Column("name", VARCHAR, "Workspace name"),
            new Column("description", VARCHAR, "Workspace description"),
            new Column("organization_id", VARCHAR, "Organization owning the workspace"),
            new Column("created_at", TIMESTAMP, "When the workspace was created (UTC)"),
            new Column("is_active", BOOLEAN, "Whether the workspace is active"),
            new Column("is_default", BOOLEAN, "Whether this is the organization's default workspace")), pushdown);
    this.api = api;
  }

  @Override
  public List<String> primaryKey() {
    return List.of("id");
  }

  @Override
  public Pushdown pushdown(Term term, ScanSpec spec) {
    return term.evaluable() ? Pushdown.EXACT : Pushdown.NONE;
  }

  /** The workspaces the planner expects. */
  static final double ESTIMATED = 10d;

  @Override
  public double rowCountEstimate() {
    return ESTIMATED;
  }

  @Override
  public String explain(ScanSpec spec) {
    return spec.empty() ? "none (the filter is always false)" : "GET " + PATH;
  }

  @Override
  public RowSource open(BoundScan scan) {
    scan.checkCancelled();
    List<JsonNode> workspaces = api.workspaces(scan);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < workspaces.size(); i++) {
      AnswerPlace at = workspace(workspaces, i);
      JsonNode w = workspaces.get(i);
      rows.add(new Object[] {
          JsonFields.requiredText(w, "id", at, "the workspace id"),
          PathSimValues.text(w, "name", at),
          PathSimValues.text(w, "description", at),
          PathSimValues.text(w, "organizationId", at),
          PathSimValues.time(w, "createdAt", at, CREATED_AT_EXAMPLE),
          PathSimValues.bool(w, "isActive", at),
          PathSimValues.bool(w, "isDefault", at)});
    }
    return RowSource.of(rows.iterator());
  }

  /** The ids of the organization's workspaces, from {@code GET /workspaces}; each must have one. */
  static List<String> ids(PathSimApi api, BoundScan scan) {
    List<JsonNode> workspaces = api.workspaces(scan);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < workspaces.size(); i++) {
      AnswerPlace at = workspace(workspaces, i);
      ids.add(JsonFields.requiredText(workspaces.get(i), "id", at, "the workspace id"));
    }
    return ids;
  }

  /** The place of workspace {@code i} in the answer, which must be an object. */
  private static AnswerPlace workspace(List<JsonNode> workspaces, int i) {
    AnswerPlace at = PathSimValues.place(PATH).at("data", i);
    JsonFields.requireObject(workspaces.get(i), at, "a workspace object");
    return at;
  }
}
