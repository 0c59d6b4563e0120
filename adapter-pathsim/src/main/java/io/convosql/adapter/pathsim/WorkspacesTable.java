package io.convosql.adapter.pathsim;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.core.scan.ApiTable;
import io.convosql.core.scan.BoundScan;
import io.convosql.core.scan.Column;
import io.convosql.core.scan.Pushdown;
import io.convosql.core.scan.RowSource;
import io.convosql.core.scan.ScanSpec;
import io.convosql.core.scan.Term;
import java.util.ArrayList;
import java.util.List;

/** {@code pathsim.workspaces}: the organization's workspaces, from one {@code GET /workspaces}. */
final class WorkspacesTable extends ApiTable {
  private static final String PATH = "/workspaces";
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
  public Pushdown pushdown(Term term, ScanSpec spec) {
    return term.evaluable() ? Pushdown.EXACT : Pushdown.NONE;
  }

  @Override
  public double rowCountEstimate() {
    return 10d;
  }

  @Override
  public String explain(ScanSpec spec) {
    return spec.empty() ? "none (the filter is always false)" : "GET " + PATH;
  }

  @Override
  public RowSource open(BoundScan scan) {
    scan.checkCancelled();
    List<Object[]> rows = new ArrayList<>();
    for (JsonNode w : api.workspaces(scan)) {
      rows.add(new Object[] {
          PathSimValues.text(w, "id"),
          PathSimValues.text(w, "name"),
          PathSimValues.text(w, "description"),
          PathSimValues.text(w, "organizationId"),
          PathSimValues.time(w, "createdAt", PATH),
          PathSimValues.bool(w, "isActive", PATH),
          PathSimValues.bool(w, "isDefault", PATH)});
    }
    return RowSource.of(rows.iterator());
  }
}
