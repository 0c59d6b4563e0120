package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.core.plan.ApiTable;
import io.convosql.core.plan.Column;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks the metadata as SQL navigators (DBeaver, DataGrip) do: schemas, tables with no type filter,
 * columns, primary keys, imported and exported keys, indexes and types, and checks every answer.
 * None of it may send an API request.
 */
class MetadataTest {
  private static final List<String> TABLES = List.of(
      "insights.altered_parameters", "insights.collected_parameters", "insights.collected_tags",
      "insights.execution_parameters", "insights.flow_path", "insights.node_tags", "insights.parameters",
      "insights.request_ids", "insights.sessions", "insights.tags", "insights.transcript_lines", "pathsim.recordings", "pathsim.sessions", "pathsim.steps",
      "pathsim.transcript_lines", "pathsim.workspaces");
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(10, 5);
  private static DatabaseMetaData md;

  @BeforeAll
  static void open() throws SQLException {
    md = QUIET.connection().getMetaData();
  }

  /** The named columns of each row, joined by "|". */
  static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (String c : columns) {
          values.add(rs.getString(c));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  private static ApiTable table(String schema, String name) throws SQLException {
    SchemaPlus root = QUIET.connection().unwrap(CalciteConnection.class).getRootSchema();
    return (ApiTable) root.subSchemas().get(schema).tables().get(name);
  }

  @Test
  void schemasAreTheTwoApisAndTheDriversOwnWithoutCalcitesMetadataSchema() throws SQLException {
    assertThat(rows(md.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
        .containsExactly("convosql|null", "insights|null", "pathsim|null");
    assertThat(rows(md.getTables(null, "metadata", "%", null), "TABLE_NAME")).isEmpty();
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
  }

  @Test
  void tablesWithNullTypesAreEveryApiTableWithItsDescription() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (String t : TABLES) {
      String[] name = t.split("\\.");
      expected.add(t + "|TABLE|" + table(name[0], name[1]).description());
    }
    expected.add("convosql.requests|TABLE|" + RequestsTable.DESCRIPTION);
    List<String> actual = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        actual.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + "|"
            + rs.getString("TABLE_TYPE") + "|" + rs.getString("REMARKS"));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rows(md.getTables(null, "pathsim", "sess%", new String[] {"TABLE"}), "TABLE_NAME"))
        .containsExactly("sessions");
  }

  @Test
  void columnsHavePlainTypeNamesAndTheirDescriptions() throws SQLException {
    for (String t : TABLES) {
      String[] name = t.split("\\.");
      List<String> expected = new ArrayList<>();
      int position = 1;
      ApiTable table = table(name[0], name[1]);
      for (Column c : table.columns()) {
        boolean key = table.primaryKey().contains(c.name()); // a key is never NULL
        expected.add(c.name() + "|" + JDBCType.valueOf(c.type().getName()).getVendorTypeNumber()
            + "|" + c.type().getName() + "|" + c.description() + "|" + position++
            + (key ? "|NO|" + DatabaseMetaData.columnNoNulls : "|YES|" + DatabaseMetaData.columnNullable));
      }
      assertThat(rows(md.getColumns(null, name[0], name[1], null), "COLUMN_NAME", "DATA_TYPE",
          "TYPE_NAME", "REMARKS", "ORDINAL_POSITION", "IS_NULLABLE", "NULLABLE")).as(t)
          .containsExactlyElementsOf(expected);
    }
    assertThat(rows(md.getColumns(null, "pathsim", "sessions", "started_at"), "TYPE_NAME",
        "COLUMN_SIZE", "DECIMAL_DIGITS", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"))
        .containsExactly("TIMESTAMP|23|3|NO|NO");
    assertThat(rows(md.getColumns(null, "insights", "sessions", "duration_ms"), "TYPE_NAME",
        "REMARKS")).containsExactly(
        "BIGINT|Call duration in milliseconds; =, <>, IN push down (term on channel_data.duration)");
  }

  @Test
  void patternsReadUnderscoreAsAnyOneCharacterAndBackslashAsTheEscape() throws SQLException {
    assertThat(md.getSearchStringEscape()).isEqualTo("\\");
    assertThat(rows(md.getTables(null, null, "sess_ons", null), "TABLE_SCHEM", "TABLE_NAME"))
        .containsExactly("insights|sessions", "pathsim|sessions");
    assertThat(rows(md.getTables(null, "pathsi_", "_low%", null), "TABLE_NAME")).isEmpty();
    assertThat(rows(md.getTables(null, "insig_ts", "_low_path", null), "TABLE_NAME"))
        .containsExactly("flow_path");
    assertThat(rows(md.getTables(null, "insights", "flow\\_path", null), "TABLE_NAME"))
        .containsExactly("flow_path");
    assertThat(rows(md.getTables(null, "insights", "flow\\_p_th", null), "TABLE_NAME"))
        .containsExactly("flow_path");
    assertThat(rows(md.getTables(null, "insights", "flow\\_", null), "TABLE_NAME")).isEmpty();
    assertThat(rows(md.getSchemas(null, "pat_sim"), "TABLE_SCHEM")).containsExactly("pathsim");
    assertThat(rows(md.getColumns(null, "pathsim", "sessions", "started_a_"), "COLUMN_NAME"))
        .containsExactly("started_at");
    assertThat(rows(md.getColumns(null, "_nsights", "sessions", "session\\_%_time"),
        "COLUMN_NAME")).containsExactly("session_start_time");
    assertThat(rows(md.getFunctions(null, null, "matche_"), "FUNCTION_NAME"))
        .containsExactly("matches");
  }

  @Test
  void primaryKeysAreTheIdsAndTheNumberedRowsOfTheirSessions() throws SQLException {
    List<String> keys = new ArrayList<>();
    for (String t : TABLES) { // one table at a time, as navigators ask
      String[] name = t.split("\\.");
      keys.addAll(rows(md.getPrimaryKeys(null, name[0], name[1]),
          "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    }
    assertThat(keys).containsExactly( // each table's in the order of COLUMN_NAME, as JDBC asks
        "insights|collected_parameters|collect_no|2|collected_parameters_pk",
        "insights|collected_parameters|session_id|1|collected_parameters_pk",
        "insights|collected_tags|collect_no|2|collected_tags_pk",
        "insights|collected_tags|session_id|1|collected_tags_pk",
        "insights|flow_path|session_id|1|flow_path_pk",
        "insights|flow_path|step_no|2|flow_path_pk",
        "insights|sessions|id|1|sessions_pk",
        "insights|transcript_lines|line_no|2|transcript_lines_pk",
        "insights|transcript_lines|session_id|1|transcript_lines_pk",
        "pathsim|sessions|id|1|sessions_pk",
        "pathsim|transcript_lines|line_no|2|transcript_lines_pk",
        "pathsim|transcript_lines|session_id|1|transcript_lines_pk",
        "pathsim|workspaces|id|1|workspaces_pk");
    assertThat(rows(md.getPrimaryKeys(null, null, null), "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME"))
        .containsExactlyInAnyOrderElementsOf(keys.stream()
            .map(k -> String.join("|", java.util.Arrays.asList(k.split("\\|")).subList(0, 3))).toList());
  }

  @Test
  void everyChildTableImportsItsSessionsAndSessionsImportWorkspaces() throws SQLException {
    List<String> imported = new ArrayList<>();
    for (String t : TABLES) {
      String[] name = t.split("\\.");
      imported.addAll(rows(md.getImportedKeys(null, name[0], name[1]), "FKTABLE_SCHEM",
          "FKTABLE_NAME", "FKCOLUMN_NAME", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
          "KEY_SEQ", "FK_NAME", "PK_NAME", "UPDATE_RULE", "DELETE_RULE", "DEFERRABILITY"));
    }
    String rules = "|" + DatabaseMetaData.importedKeyNoAction + "|"
        + DatabaseMetaData.importedKeyNoAction + "|" + DatabaseMetaData.importedKeyNotDeferrable;
    assertThat(imported).containsExactly(
        "insights|altered_parameters|session_id|insights|flow_path|session_id|1"
            + "|altered_parameters_session_id_step_no_fk|flow_path_pk" + rules,
        "insights|altered_parameters|step_no|insights|flow_path|step_no|2"
            + "|altered_parameters_session_id_step_no_fk|flow_path_pk" + rules,
        "insights|altered_parameters|session_id|insights|sessions|id|1|altered_parameters_session_id_fk|sessions_pk"
            + rules,
        "insights|collected_parameters|session_id|insights|sessions|id|1|collected_parameters_session_id_fk"
            + "|sessions_pk" + rules,
        "insights|collected_tags|session_id|insights|sessions|id|1|collected_tags_session_id_fk|sessions_pk" + rules,
        "insights|execution_parameters|session_id|insights|flow_path|session_id|1"
            + "|execution_parameters_session_id_step_no_fk|flow_path_pk" + rules,
        "insights|execution_parameters|step_no|insights|flow_path|step_no|2"
            + "|execution_parameters_session_id_step_no_fk|flow_path_pk" + rules,
        "insights|execution_parameters|session_id|insights|sessions|id|1|execution_parameters_session_id_fk"
            + "|sessions_pk" + rules,
        "insights|flow_path|session_id|insights|sessions|id|1|flow_path_session_id_fk|sessions_pk" + rules,
        "insights|node_tags|session_id|insights|flow_path|session_id|1|node_tags_session_id_step_no_fk"
            + "|flow_path_pk" + rules,
        "insights|node_tags|step_no|insights|flow_path|step_no|2|node_tags_session_id_step_no_fk"
            + "|flow_path_pk" + rules,
        "insights|node_tags|session_id|insights|sessions|id|1|node_tags_session_id_fk|sessions_pk" + rules,
        "insights|parameters|session_id|insights|sessions|id|1|parameters_session_id_fk|sessions_pk" + rules,
        "insights|request_ids|session_id|insights|sessions|id|1|request_ids_session_id_fk|sessions_pk" + rules,
        "insights|tags|session_id|insights|sessions|id|1|tags_session_id_fk|sessions_pk" + rules,
        "insights|transcript_lines|session_id|insights|sessions|id|1|transcript_lines_session_id_fk|sessions_pk" + rules,
        "pathsim|recordings|session_id|pathsim|sessions|id|1|recordings_session_id_fk|sessions_pk" + rules,
        "pathsim|sessions|workspace_id|pathsim|workspaces|id|1|sessions_workspace_id_fk|workspaces_pk" + rules,
        "pathsim|steps|session_id|pathsim|sessions|id|1|steps_session_id_fk|sessions_pk" + rules,
        "pathsim|transcript_lines|session_id|pathsim|sessions|id|1|transcript_lines_session_id_fk|sessions_pk" + rules);
  }

  @Test
  void exportedKeysAndCrossReferencesAreTheSameKeysSeenFromTheParent() throws SQLException {
    assertThat(rows(md.getExportedKeys(null, "pathsim", "sessions"), "FKTABLE_SCHEM", "FKTABLE_NAME",
        "FKCOLUMN_NAME", "PKTABLE_NAME", "PKCOLUMN_NAME")).containsExactly(
        "pathsim|recordings|session_id|sessions|id",
        "pathsim|steps|session_id|sessions|id",
        "pathsim|transcript_lines|session_id|sessions|id");
    assertThat(rows(md.getExportedKeys(null, "pathsim", "workspaces"), "FKTABLE_NAME", "FKCOLUMN_NAME"))
        .containsExactly("sessions|workspace_id");
    assertThat(rows(md.getExportedKeys(null, "pathsim", "steps"), "FKTABLE_NAME")).isEmpty();
    assertThat(rows(md.getExportedKeys(null, "insights", "flow_path"), "FKTABLE_NAME", "FKCOLUMN_NAME",
        "PKCOLUMN_NAME", "KEY_SEQ")).containsExactly(
        "altered_parameters|session_id|session_id|1", "altered_parameters|step_no|step_no|2",
        "execution_parameters|session_id|session_id|1", "execution_parameters|step_no|step_no|2",
        "node_tags|session_id|session_id|1", "node_tags|step_no|step_no|2");
    assertThat(rows(md.getCrossReference(null, "insights", "flow_path", null, "insights", "node_tags"),
        "FKCOLUMN_NAME", "KEY_SEQ")).containsExactly("session_id|1", "step_no|2");
    assertThat(rows(md.getCrossReference(null, "insights", "sessions", null, "insights", "tags"),
        "PKTABLE_NAME", "FKTABLE_NAME", "FKCOLUMN_NAME")).containsExactly("sessions|tags|session_id");
    assertThat(rows(md.getCrossReference(null, "pathsim", "sessions", null, "insights", "tags"),
        "FK_NAME")).isEmpty();
  }

  @Test
  void indexesAreThePrimaryKeysAsUniqueIndexes() throws SQLException {
    assertThat(rows(md.getIndexInfo(null, "pathsim", "sessions", true, true), "TABLE_NAME",
        "NON_UNIQUE", "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME")).containsExactly(
        "sessions|false|sessions_pk|" + DatabaseMetaData.tableIndexOther + "|1|id");
    assertThat(rows(md.getIndexInfo(null, "insights", "sessions", false, true), "INDEX_NAME",
        "COLUMN_NAME")).containsExactly("sessions_pk|id");
    assertThat(rows(md.getIndexInfo(null, "pathsim", "steps", false, true), "INDEX_NAME")).isEmpty();
    assertThat(rows(md.getIndexInfo(null, "insights", "flow_path", true, true), "INDEX_NAME",
        "ORDINAL_POSITION", "COLUMN_NAME")).containsExactly("flow_path_pk|1|session_id",
        "flow_path_pk|2|step_no");
  }

  @Test
  void typeInfoListsTheUsableTypesEachUnderItsOwnJdbcType() throws SQLException {
    List<String> types = rows(md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
    assertThat(types).extracting(r -> r.split("\\|")[0]).containsExactly("TINYINT", "BIGINT",
        "VARBINARY", "BINARY", "CHAR", "DECIMAL", "INTEGER", "SMALLINT", "FLOAT", "REAL", "DOUBLE",
        "VARCHAR", "BOOLEAN", "DATE", "TIME", "TIMESTAMP");
    assertThat(types).allSatisfy(r -> {
      String[] nameAndType = r.split("\\|");
      assertThat(Integer.parseInt(nameAndType[1]))
          .isEqualTo(JDBCType.valueOf(nameAndType[0]).getVendorTypeNumber());
    });
    assertThat(rows(md.getTypeInfo(), "TYPE_NAME", "LITERAL_PREFIX", "LITERAL_SUFFIX"))
        .contains("VARBINARY|x'|'", "VARCHAR|'|'", "TIMESTAMP|TIMESTAMP '|'");
  }
}
