package io.convosql.adapter.insights;

import io.convosql.core.exec.WarningListener;
import io.convosql.core.http.CacheSettings;
import io.convosql.core.http.HttpSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code insights} schema of one connection: sessions, transcript_lines, tags, flow_path,
 * parameters and the tables of the document's other lists (collected_tags, collected_parameters,
 * request_ids, node_tags, execution_parameters, altered_parameters), read from the Vonage AI Studio
 * Insights API over one HTTP client that is closed with the connection.
 */
public final class InsightsSchema extends AbstractSchema implements AutoCloseable {
  /** The window read when a query gives no lower bound on session_start_time, in days. */
  public static final int DEFAULT_LOOKBACK_DAYS = 60;

  private final InsightsApi api;
  private final ScanSettings settings;
  private final Map<String, Table> tables = new LinkedHashMap<>();

  /**
   * @param root the API root, e.g. {@link #regionUrl(String)}; endpoints are below
   *     {@code /insights/sessions}
   * @param apiKey sent as {@code X-Vgai-Key}, only to the root's host
   * @param pushdown false keeps every filter, sort and limit in Calcite
   * @param lookbackDays the days read when a query has no lower bound on session_start_time
   * @param allowDelete whether {@code DELETE FROM insights.sessions WHERE id = ...} may run
   * @param clock gives "now", the upper end of every search
   */
  public InsightsSchema(HttpUrl root, @Nullable String apiKey, HttpSettings http, boolean pushdown,
      int lookbackDays, boolean allowDelete, Clock clock) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(http, "http");
    this.api = new InsightsApi(root, apiKey, http);
    this.settings = new ScanSettings(api, clock, lookbackDays);
    add(new SessionsTable(settings, pushdown, allowDelete));
    add(new TranscriptLinesTable(settings, pushdown));
    add(new TagsTable(settings, pushdown));
    add(new FlowPathTable(settings, pushdown));
    add(new ParametersTable(settings, pushdown));
    add(new CollectedTagsTable(settings, pushdown));
    add(new CollectedParametersTable(settings, pushdown));
    add(new RequestIdsTable(settings, pushdown));
    add(new NodeTagsTable(settings, pushdown));
    add(new ExecutionParametersTable(settings, pushdown));
    add(new AlteredParametersTable(settings, pushdown));
  }

  private void add(InsightsTable table) {
    tables.put(table.name(), table);
  }

  /** The API root of a region: {@code us} or {@code eu}, in any case. */
  public static HttpUrl regionUrl(String region) {
    String r = Objects.requireNonNull(region, "region").strip().toLowerCase(Locale.ROOT);
    if (!r.equals("us") && !r.equals("eu")) {
      throw new IllegalArgumentException("insights.region must be us or eu, not '" + region + "'");
    }
    return HttpUrl.get("https://studio-api-" + r + ".ai.vonage.com");
  }

  /**
   * Where warnings of this connection's scans go, such as the one saying that a query without a lower
   * bound on session_start_time read only the lookback window. Replaces the previous listener.
   */
  public void setWarningListener(WarningListener listener) {
    settings.setWarnings(listener);
  }

  /**
   * Keeps answers in a response cache shared by the JVM's connections with the same URL and key, as
   * the settings say; call before the first query. Ended sessions' documents live
   * {@link CacheSettings#settledTtl()}; a DELETE empties the cache. A query without an upper bound on
   * session_start_time then reads up to "now" in steps of the cache's lifetime, so that it too can be
   * answered from the cache.
   */
  public void useCache(CacheSettings cache) {
    api.useCache(cache);
    settings.setNowStep(cache.enabled() ? cache.ttl().toMillis() : 0);
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
