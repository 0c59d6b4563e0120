package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ColumnReference;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Schema;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * SchemaCrawler, a metadata client from Maven Central, crawls the driver the way database tools do
 * (only through {@code DatabaseMetaData}) and finds both schemas, every table and column with their
 * remarks, the primary keys and the foreign keys, without one API request.
 */
class SchemaCrawlerTest {
  /** SchemaCrawler's own loggers, kept quiet (its INFO lines filled the build log); held strongly. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("schemacrawler"),
      Logger.getLogger("us.fatehi"));
  private static Sandbox sandbox;
  private static Catalog catalog;

  @BeforeAll
  static void crawl() throws Exception {
    QUIET.forEach(l -> l.setLevel(Level.WARNING));
    sandbox = OwnSandbox.start(10, 5);
    // user and password as tools send them: accepted and ignored by convosql
    DatabaseConnectionSource source = DatabaseConnectionSources.newDatabaseConnectionSource(
        OwnSandbox.url(sandbox, "requestsPerSecond=0"), new MultiUseUserCredentials("someone", "secret"));
    SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
        .withLoadOptions(LoadOptionsBuilder.builder()
            .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
    try {
      catalog = SchemaCrawlerUtility.getCatalog(source, options);
    } finally {
      source.close();
    }
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void findsBothSchemasAndEveryTableWithItsRemarks() {
    assertThat(catalog.getSchemas()).extracting(Schema::getFullName)
        .containsExactlyInAnyOrder("convosql", "insights", "pathsim");
    Map<String, Integer> columns = new TreeMap<>();
    for (Table t : catalog.getTables()) {
      columns.put(t.getFullName(), t.getColumns().size());
      assertThat(t.getRemarks()).as(t.getFullName()).isNotBlank();
      for (Column c : t.getColumns()) {
        assertThat(c.getRemarks()).as(c.getFullName()).isNotBlank();
      }
    }
    Map<String, Integer> expected = new TreeMap<>(Map.of(
        "insights.flow_path", 18, "insights.parameters", 8, "insights.sessions", 18,
        "insights.tags", 5, "insights.transcript_lines", 6,
        "pathsim.recordings", 4, "pathsim.sessions", 27, "pathsim.steps", 7,
        "pathsim.transcript_lines", 4, "pathsim.workspaces", 7));
    expected.putAll(Map.of("insights.collected_tags", 5, "insights.collected_parameters", 9,
        "insights.request_ids", 3, "insights.node_tags", 5, "insights.execution_parameters", 9,
        "insights.altered_parameters", 10));
    expected.put("convosql.requests", 10);
    assertThat(columns).containsExactlyEntriesOf(expected);
  }

  @Test
  void columnsHavePlainTypeNames() {
    Table sessions = table("pathsim.sessions");
    assertThat(sessions.lookupColumn("started_at").orElseThrow().getColumnDataType().getName())
        .isEqualTo("TIMESTAMP");
    assertThat(sessions.lookupColumn("id").orElseThrow().getColumnDataType().getName())
        .isEqualTo("VARCHAR");
    assertThat(table("insights.sessions").lookupColumn("duration_ms").orElseThrow()
        .getColumnDataType().getName()).isEqualTo("BIGINT");
  }

  @Test
  void findsThePrimaryKeys() {
    Map<String, List<String>> keys = new TreeMap<>();
    for (Table t : catalog.getTables()) {
      if (t.hasPrimaryKey()) {
        keys.put(t.getFullName(), t.getPrimaryKey().getConstrainedColumns().stream()
            .map(Column::getName).toList());
      }
    }
    assertThat(keys).containsExactlyEntriesOf(new TreeMap<>(Map.of(
        "insights.sessions", List.of("id"), "pathsim.sessions", List.of("id"),
        "pathsim.workspaces", List.of("id"),
        "insights.collected_parameters", List.of("session_id", "collect_no"),
        "insights.collected_tags", List.of("session_id", "collect_no"),
        "insights.flow_path", List.of("session_id", "step_no"),
        "insights.transcript_lines", List.of("session_id", "line_no"),
        "pathsim.transcript_lines", List.of("session_id", "line_no"))));
  }

  @Test
  void findsEveryForeignKey() {
    List<String> references = catalog.getTables().stream()
        .flatMap(t -> t.getImportedForeignKeys().stream())
        .flatMap(k -> k.getColumnReferences().stream())
        .map(SchemaCrawlerTest::reference)
        .sorted()
        .toList();
    assertThat(references).containsExactly(
        "insights.altered_parameters.session_id -> insights.flow_path.session_id",
        "insights.altered_parameters.session_id -> insights.sessions.id",
        "insights.altered_parameters.step_no -> insights.flow_path.step_no",
        "insights.collected_parameters.session_id -> insights.sessions.id",
        "insights.collected_tags.session_id -> insights.sessions.id",
        "insights.execution_parameters.session_id -> insights.flow_path.session_id",
        "insights.execution_parameters.session_id -> insights.sessions.id",
        "insights.execution_parameters.step_no -> insights.flow_path.step_no",
        "insights.flow_path.session_id -> insights.sessions.id",
        "insights.node_tags.session_id -> insights.flow_path.session_id",
        "insights.node_tags.session_id -> insights.sessions.id",
        "insights.node_tags.step_no -> insights.flow_path.step_no",
        "insights.parameters.session_id -> insights.sessions.id",
        "insights.request_ids.session_id -> insights.sessions.id",
        "insights.tags.session_id -> insights.sessions.id",
        "insights.transcript_lines.session_id -> insights.sessions.id",
        "pathsim.recordings.session_id -> pathsim.sessions.id",
        "pathsim.sessions.workspace_id -> pathsim.workspaces.id",
        "pathsim.steps.session_id -> pathsim.sessions.id",
        "pathsim.transcript_lines.session_id -> pathsim.sessions.id");
  }

  @Test
  void sendsNoApiRequest() {
    assertThat(sandbox.requests().all()).isEmpty();
  }

  private static String reference(ColumnReference r) {
    return r.getForeignKeyColumn().getFullName() + " -> " + r.getPrimaryKeyColumn().getFullName();
  }

  private static Table table(String fullName) {
    return catalog.getTables().stream().filter(t -> t.getFullName().equals(fullName)).findFirst()
        .orElseThrow(() -> new AssertionError("no table " + fullName));
  }
}
