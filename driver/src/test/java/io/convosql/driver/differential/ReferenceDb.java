package io.convosql.driver.differential;

import com.fasterxml.jackson.databind.JsonNode;
import io.convosql.driver.Utf8Factory;
import io.convosql.sandbox.pathsim.Session;
import io.convosql.sandbox.pathsim.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A plain Calcite connection whose {@code insights} schema holds in-memory tables filled by
 * {@link DocumentRows} from the stored documents (and the {@code pathsim} tables from the stored
 * workspaces and sessions by {@link PathSimRows}), with the connection settings the README gives
 * (MYSQL_ANSI names, NULLs last, UTF-8 literals) and a {@code matches} function written from the
 * README's definition (public, for Calcite's generated code): the reference answers of
 * {@link DocumentDifferentialTest}.
 */
public final class ReferenceDb {
  private static final SqlTypeName V = SqlTypeName.VARCHAR;
  private static final SqlTypeName T = SqlTypeName.TIMESTAMP;
  private static final SqlTypeName I = SqlTypeName.INTEGER;
  private static final SqlTypeName L = SqlTypeName.BIGINT;
  private static final SqlTypeName B = SqlTypeName.BOOLEAN;
  private static final SqlTypeName D = SqlTypeName.DOUBLE;
  private static final SqlTypeName Y = SqlTypeName.VARBINARY;

  private ReferenceDb() {}

  /** Plain Calcite with UTF-8 as its default charset, under its own URL prefix. */
  static final class Reference extends org.apache.calcite.jdbc.Driver {
    @Override
    protected String getConnectStringPrefix() {
      return "jdbc:convosql-reference:";
    }

    @Override
    protected String getFactoryClassName(UnregisteredDriver.JdbcVersion version) {
      return Utf8Factory.class.getName();
    }
  }

  /**
   * The documented {@code matches}: any word of {@code words} is a word of {@code text}, words as
   * ElasticSearch's standard analyser makes them (Unicode word boundaries, lower-cased).
   */
  public static Boolean matches(String text, String words) {
    if (text == null || words == null) {
      return null;
    }
    Set<String> wanted = split(words);
    return split(text).stream().anyMatch(wanted::contains);
  }

  /** The words of ElasticSearch's standard analyser: Lucene's StandardAnalyzer without stop words. */
  private static Set<String> split(String s) {
    Set<String> out = new LinkedHashSet<>();
    try (StandardAnalyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        TokenStream stream = analyzer.tokenStream("text", s)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Connection open(List<? extends JsonNode> documents, List<Workspace> workspaces, List<Session> pathSim,
      PathSimRows rows) throws SQLException {
    Properties p = new Properties();
    p.setProperty("lex", "MYSQL_ANSI");
    p.setProperty("defaultNullCollation", "LAST");
    Connection c = new Reference().connect("jdbc:convosql-reference:", p);
    SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
    SchemaPlus insights = root.add("insights", new AbstractSchema());
    List<Object[]> sessions = new ArrayList<>();
    documents.forEach(d -> sessions.add(DocumentRows.session(d)));
    insights.add("sessions", new Rows(sessions, "id", V, "session_start_time", T, "status", V, "channel", V,
        "source", V, "destination", V, "account_id", V, "language", V, "agent_id", V, "agent_name", V,
        "agent_version_id", V, "agent_voice", V, "agent_language", V, "call_status", V, "duration_ms", L,
        "status_code", I, "audio_url", V, "document", V));
    insights.add("transcript_lines", new Rows(all(documents, DocumentRows::transcriptLines), "session_id", V,
        "session_start_time", T, "line_no", I, "speaker", V, "role", V, "text", V));
    insights.add("tags", new Rows(all(documents, DocumentRows::tags), "session_id", V, "session_start_time", T,
        "category", V, "tag", V, "tag_count", I));
    insights.add("flow_path", new Rows(all(documents, DocumentRows::flowPath), "session_id", V,
        "session_start_time", T, "step_no", I, "node_id", V, "type", V, "request_id", V, "execution_time_ms", L,
        "synchronized", B, "request_verb", V, "request_url", V, "request_headers", V, "request_payload", V,
        "response_code", I, "response_payload", V, "user_input", V, "status_code", I, "status_message", V,
        "webhook_url", V));
    insights.add("parameters", new Rows(all(documents, DocumentRows::parameters), "session_id", V,
        "session_start_time", T, "name", V, "type", V, "value", V, "value_text", V, "completed", B, "audio_url", V));
    insights.add("collected_tags", new Rows(all(documents, DocumentRows::collectedTags), "session_id", V,
        "session_start_time", T, "collect_no", I, "tag", V, "category", V));
    insights.add("collected_parameters", new Rows(all(documents, DocumentRows::collectedParameters), "session_id",
        V, "session_start_time", T, "collect_no", I, "name", V, "type", V, "value", V, "value_text", V,
        "completed", B, "audio_url", V));
    insights.add("request_ids", new Rows(all(documents, DocumentRows::requestIds), "session_id", V,
        "session_start_time", T, "request_id", V));
    insights.add("node_tags", new Rows(all(documents, DocumentRows::nodeTags), "session_id", V,
        "session_start_time", T, "step_no", I, "tag", V, "category", V));
    insights.add("execution_parameters", new Rows(all(documents, DocumentRows::executionParameters), "session_id",
        V, "session_start_time", T, "step_no", I, "name", V, "type", V, "value", V, "value_text", V,
        "completed", B, "audio_url", V));
    insights.add("altered_parameters", new Rows(all(documents, DocumentRows::alteredParameters), "session_id", V,
        "session_start_time", T, "step_no", I, "alteration_source", V, "name", V, "entity", V, "value", V,
        "value_text", V, "audio_url", V, "audio_duration", D));
    List<Object[]> spaces = new ArrayList<>();
    workspaces.forEach(w -> spaces.add(new Object[] {w.id(), w.name(), w.description(), w.organizationId(),
        w.createdAt().toEpochMilli(), w.active(), w.isDefault()}));
    SchemaPlus ps = root.add("pathsim", new AbstractSchema());
    ps.add("workspaces", new Rows(spaces, "id", V, "name", V,
        "description", V, "organization_id", V, "created_at", T, "is_active", B, "is_default", B));
    addPathSim(ps, pathSim, rows);
    root.add("matches", ScalarFunctionImpl.create(ReferenceDb.class, "matches"));
    return c;
  }

  private static void addPathSim(SchemaPlus ps, List<Session> sessions, PathSimRows rows) {
    ps.add("sessions", new Rows(sessions.stream().map(rows::session).toList(), "id", V, "test_id", V,
        "workspace_id", V, "started_at", T, "test_type", V, "objective", V, "connected", V, "virtual_customer", V,
        "target", V, "source", V, "duration_seconds", I, "summary", V, "call_successful", B, "test_successful", B,
        "objective_met", B, "reached_target_website", B, "intent_achieved", B, "to_number", V,
        "disconnection_reason", V, "user_sentiment", V, "latency_avg_ms", I, "latency_min_ms", I,
        "latency_max_ms", I, "latency_measurements", I, "target_url", V, "recording_url", V, "transcript", V));
    ps.add("transcript_lines", new Rows(each(sessions, PathSimRows::transcriptLines), "session_id", V,
        "line_no", I, "speaker", V, "text", V));
    ps.add("steps", new Rows(each(sessions, PathSimRows::steps), "session_id", V, "step_number", I,
        "action", V, "target", V, "value", V, "status", V, "at", T));
    HttpClient http = HttpClient.newHttpClient();
    ps.add("recordings", new Rows(each(sessions, s -> rows.recordings(s, http)), "session_id", V,
        "file_type", V, "download_url", V, "content", Y));
  }

  private static <S> List<Object[]> each(List<S> sessions, Function<S, List<Object[]>> rows) {
    List<Object[]> out = new ArrayList<>();
    sessions.forEach(s -> out.addAll(rows.apply(s)));
    return out;
  }

  private static List<Object[]> all(List<? extends JsonNode> documents, Function<JsonNode, List<Object[]>> rows) {
    List<Object[]> out = new ArrayList<>();
    documents.forEach(d -> out.addAll(rows.apply(d)));
    return out;
  }

  /** An in-memory table: names and types given in pairs, every column nullable. */
  private static final class Rows extends AbstractTable implements ScannableTable {
    private final List<Object[]> rows;
    private final Object[] columns;

    Rows(List<Object[]> rows, Object... columns) {
      this.rows = List.copyOf(rows);
      this.columns = columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataTypeFactory.Builder b = f.builder();
      for (int i = 0; i < columns.length; i += 2) {
        SqlTypeName type = (SqlTypeName) columns[i + 1];
        RelDataType t = type == T ? f.createSqlType(T, 3) : f.createSqlType(type);
        b.add((String) columns[i], f.createTypeWithNullability(t, true));
      }
      return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows);
    }
  }
}
