package io.convosql.adapter.pathsim;

import io.convosql.core.exec.WarningListener;
import io.convosql.core.http.CacheSettings;
import io.convosql.core.http.HttpSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code pathsim} schema of one connection: workspaces, sessions, transcript_lines, steps and
 * recordings, over one HTTP client that is closed with the connection.
 */
public final class PathSimSchema extends AbstractSchema implements AutoCloseable {
  /** The real service; users point elsewhere with {@code pathsim.url}. */
  public static final String DEFAULT_URL = "https://api.pathsim.com/v1";

  private final PathSimApi api;
  private final SessionsTable sessions;
  private final Map<String, Table> tables = new LinkedHashMap<>();

  /**
   * @param pushdown false keeps every filter, sort and limit in Calcite (see {@code pushdown})
   */
  public PathSimSchema(HttpUrl root, @Nullable String apiKey, HttpSettings http, boolean pushdown) {
    this(root, apiKey, http, pushdown, null);
  }

  /**
   * @param pushdown false keeps every filter, sort and limit in Calcite (see {@code pushdown})
   * @param timeFormat how the service writes session times ({@code pathsim.timeFormat}): {@code MM/dd},
   *     {@code dd/MM}, or {@code auto} (or null) to learn it from the answers
   * @throws IllegalArgumentException for any other time format
   */
  public PathSimSchema(HttpUrl root, @Nullable String apiKey, HttpSettings http, boolean pushdown,
      @Nullable String timeFormat) {
    this.api = new PathSimApi(root, apiKey, http, TimeReading.Order.ofProperty(timeFormat));
    tables.put("workspaces", new WorkspacesTable(api, pushdown));
    this.sessions = new SessionsTable(api, pushdown);
    tables.put("sessions", sessions);
    tables.put("transcript_lines", new TranscriptLinesTable(api, pushdown));
    tables.put("steps", new StepsTable(api, pushdown));
    tables.put("recordings", new RecordingsTable(api, pushdown));
  }

  /**
   * Where warnings of this connection's scans go, such as the one saying that a value compared with
   * test_type is spelt unlike the API's ('voice' for 'Voice'). Replaces the previous listener.
   */
  public void setWarningListener(WarningListener listener) {
    sessions.setWarnings(listener);
  }

  /**
   * Keeps answers in a response cache shared by the JVM's connections with the same URL and key, as
   * the settings say; call before the first query. Finished sessions' details live
   * {@link CacheSettings#settledTtl()}.
   */
  public void useCache(CacheSettings settings) {
    api.useCache(settings);
  }

  /**
   * Checks a {@code pathsim.timeFormat} value: {@code MM/dd}, {@code dd/MM}, {@code auto} or null.
   *
   * @throws IllegalArgumentException for any other value, listing those taken
   */
  public static void checkTimeFormat(@Nullable String timeFormat) {
    TimeReading.Order.ofProperty(timeFormat);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  @Override
  public void close() {
    api.close();
  }
}
