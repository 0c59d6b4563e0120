package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A table, schema or column name that is not found fails with 42000 and the names most likely
 * meant: a typo, a table named without its schema, a name only started. Nothing is sent.
 */
class NameSuggestionsTest {
  @RegisterExtension
  static final NoRequestSandbox QUIET = new NoRequestSandbox(4, 2);

  /** The validator's part of the message of the error executing the SQL. */
  private static String notFound(String sql) {
    SQLException e = OwnSandbox.run(QUIET.connection(), sql).failure();
    assertThat((Object) e).as(sql).isNotNull();
    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42000");
    assertThat(e.getMessage().lines().count()).as(e.getMessage()).isEqualTo(1);
    String message = e.getMessage();
    return message.substring(message.indexOf(": From line ") + 2);
  }

  @Test
  void aMistypedTableIsNamedWithItsSchemasTables() {
    assertThat(notFound("SELECT * FROM pathsim.sesions")).isEqualTo("From line 1, column 15 to line 1,"
        + " column 29: Object 'sesions' not found within 'pathsim'; did you mean 'sessions'?");
    assertThat(notFound("SELECT * FROM insights.tag")).endsWith(
        "Object 'tag' not found within 'insights'; did you mean 'tags'?");
    assertThat(notFound("SELECT * FROM pathsim.calls")).endsWith("Object 'calls' not found within"
        + " 'pathsim'; the tables of 'pathsim' are recordings, sessions, steps, transcript_lines,"
        + " workspaces");
  }

  @Test
  void aTableWithoutItsSchemaIsNamedWithEach() {
    assertThat(notFound("SELECT * FROM sessions")).isEqualTo("From line 1, column 15 to line 1,"
        + " column 22: Object 'sessions' not found; did you mean 'insights.sessions' or"
        + " 'pathsim.sessions'?");
    assertThat(notFound("select * from Workspaces")).endsWith(
        "Object 'Workspaces' not found; did you mean 'pathsim.workspaces'?");
    assertThat(notFound("SELECT * FROM workspace")).endsWith(
        "Object 'workspace' not found; did you mean 'pathsim.workspaces'?");
    assertThat(notFound("SELECT * FROM pathsm.sessions")).endsWith(
        "Object 'pathsm' not found; did you mean 'pathsim'?");
  }

  @Test
  void aMistypedColumnIsNamedFromTheTablesOfItsSelect() {
    assertThat(notFound("SELECT nmae FROM pathsim.workspaces")).isEqualTo("From line 1, column 8 to"
        + " line 1, column 11: Column 'nmae' not found in any table; did you mean 'name'?");
    assertThat(notFound("SELECT w.nmae FROM pathsim.workspaces w")).endsWith(
        "Column 'nmae' not found in table 'w'; did you mean 'name'?");
    assertThat(notFound("SELECT id FROM pathsim.sessions WHERE start > CURRENT_TIMESTAMP"))
        .endsWith("Column 'start' not found in any table; did you mean 'started_at'?");
    assertThat(notFound("SELECT id FROM pathsim.workspaces GROUP BY nme")).endsWith(
        "Column 'nme' not found in any table; did you mean 'name'?");
    // the inner SELECT's tables, not the outer one's
    assertThat(notFound("SELECT name FROM pathsim.workspaces WHERE id IN"
        + " (SELECT workspace_idd FROM pathsim.sessions)")).endsWith(
        "Column 'workspace_idd' not found in any table; did you mean 'workspace_id'?");
    // nothing near: no guess
    assertThat(notFound("SELECT zzz FROM pathsim.workspaces")).endsWith(
        "Column 'zzz' not found in any table");
    // the other API's name for the same thing: a shared word
    assertThat(notFound("SELECT id FROM insights.sessions WHERE started_at >= DATE '2025-06-01'"))
        .endsWith("Column 'started_at' not found in any table; did you mean 'session_start_time'?");
    assertThat(notFound("SELECT session_start_time FROM pathsim.sessions")).endsWith(
        "Column 'session_start_time' not found in any table; did you mean 'started_at'?");
    assertThat(notFound("SELECT i.duration_seconds FROM insights.sessions i")).endsWith(
        "Column 'duration_seconds' not found in table 'i'; did you mean 'duration_ms'?");
    // a word of the table's own name is no clue: session_id is not near session_start_time
    assertThat(notFound("SELECT session_id FROM insights.sessions")).endsWith(
        "Column 'session_id' not found in any table");
  }

  @Test
  void aMistypedFunctionIsNamedFromTheConnectionsFunctions() {
    assertThat(notFound("SELECT lenght(name) FROM pathsim.workspaces")).endsWith(
        "No match found for function signature lenght(<CHARACTER>); did you mean 'LENGTH'?");
    assertThat(notFound("SELECT matche(name, 'a') FROM pathsim.workspaces")).endsWith(
        "No match found for function signature matche(<CHARACTER>, <CHARACTER>); did you mean 'matches'?");
    assertThat(notFound("SELECT cout(*) FROM pathsim.workspaces")).endsWith(
        "\": At line 1, column 13: Unknown identifier '*'; only COUNT takes *, as in COUNT(*)");
    // a function of that name whose arguments do not fit: no other name is guessed
    assertThat(notFound("SELECT date_trunc('decade', started_at) FROM pathsim.sessions")).endsWith(
        "No match found for function signature DATE_TRUNC(<CHARACTER>, <TIMESTAMP>)");
  }

  @Test
  void nearestWeighsEditsAndPrefixes() {
    assertThat(NameSuggestions.distance("nmae", "name")).isEqualTo(1);
    assertThat(NameSuggestions.distance("sesions", "sessions")).isEqualTo(1);
    assertThat(NameSuggestions.nearest("sesion", List.of("sessions", "steps", "session_id")))
        .containsExactly("sessions");
    assertThat(NameSuggestions.nearest("session", List.of("sessions", "steps", "session_id")))
        .containsExactly("sessions");
    assertThat(NameSuggestions.nearest("sessio", List.of("session_id", "session_ids")))
        .containsExactly("session_id", "session_ids");
    assertThat(NameSuggestions.nearest("dur", List.of("duration_ms", "id"))).containsExactly("duration_ms");
    assertThat(NameSuggestions.nearest("id", List.of("ID", "di", "xy"))).containsExactly("di");
  }
}
