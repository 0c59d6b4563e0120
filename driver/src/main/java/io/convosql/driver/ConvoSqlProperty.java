package io.convosql.driver;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Every convosql connection property, defined once: its name, default, description and, for keys,
 * the environment variable it falls back to. It feeds {@code Driver.getPropertyInfo}, validation of
 * connection strings and docs/properties.md's property table.
 */
public enum ConvoSqlProperty {
  DEMO("demo", "false", null, false,
      "Start the built-in sandbox (an emulator of both APIs with generated data) on a loopback port and"
          + " point both schemas at it; no key needed."),
  PATHSIM_URL("pathsim.url", "https://api.pathsim.com/v1", null, false,
      "Base URL of the PathSim API."),
  PATHSIM_API_KEY("pathsim.apiKey", null, "PATHSIM_API_KEY", true,
      "PathSim API key, sent as 'Authorization: Bearer …'. Falls back to the environment variable"
          + " PATHSIM_API_KEY."),
  PATHSIM_TIME_FORMAT("pathsim.timeFormat", "auto", null, false,
      "How PathSim writes the date of a session's Time, which its document's examples (08/08/2025)"
          + " leave open: auto learns MM/dd or dd/MM from the answers (a day above 12, a web test_id,"
          + " the sessions listed around a date) and never guesses; MM/dd or dd/MM states it, and an"
          + " answer that contradicts it is an error."),
  INSIGHTS_REGION("insights.region", "us", null, false,
      "Region of the Insights API: us or eu; builds https://studio-api-<region>.ai.vonage.com."),
  INSIGHTS_URL("insights.url", null, null, false,
      "Root URL of the Insights API (endpoints are below /insights/sessions); overrides insights.region."),
  INSIGHTS_API_KEY("insights.apiKey", null, "INSIGHTS_API_KEY", true,
      "Insights API key, sent as the X-Vgai-Key header. Falls back to the environment variable"
          + " INSIGHTS_API_KEY."),
  INSIGHTS_LOOKBACK_DAYS("insights.lookbackDays", "60", null, false,
      "Days of Insights sessions read when a query has no lower bound on session_start_time; the"
          + " statement then carries an SQLWarning naming the window read."),
  INSIGHTS_ALLOW_DELETE("insights.allowDelete", "false", null, false,
      "Allow DELETE FROM insights.sessions WHERE id = … (or IN); without it a DELETE fails before any"
          + " request."),
  ALLOW_INSECURE_HTTP("allowInsecureHttp", "false", null, false,
      "Allow plain http:// API URLs for hosts other than loopback. Without it such a URL is refused"
          + " before anything is sent, so keys never travel unencrypted."),
  PUSHDOWN("pushdown", "true", null, false,
      "Push filters, sorts, limits and projections into API requests. false reads whole tables and"
          + " lets Calcite filter, sort and limit: the same answers, more requests; for comparison and"
          + " diagnosis. Either way a query reads only the columns it uses, so a COUNT(*) asks for no"
          + " session's detail."),
  CREDENTIALS_FILE("credentialsFile", "~/.convosql/credentials", null, false,
      "Properties file with pathsim.apiKey and insights.apiKey, read when a key is given neither as a"
          + " property nor in the environment. Refused if group or others may read it (chmod 600)."),
  CONNECT_TIMEOUT_SECONDS("connectTimeoutSeconds", "10", null, false,
      "Seconds to wait for a TCP/TLS connection to an API."),
  READ_TIMEOUT_SECONDS("readTimeoutSeconds", "30", null, false,
      "Longest silence, in seconds, while waiting for an answer's bytes."),
  CALL_TIMEOUT_SECONDS("callTimeoutSeconds", "60", null, false,
      "Longest time, in seconds, for one attempt of one request, answer included."),
  RETRY_MAX_ATTEMPTS("retryMaxAttempts", "16", null, false,
      "Most attempts per idempotent request (GET), the first included; 1 turns retries off. Retried:"
          + " 429 and 503 (after their Retry-After), 502, 504, broken connections and timeouts. The"
          + " time is bounded by retryBudgetSeconds; a pooled connection the server closed while idle"
          + " is replaced at once and costs no attempt."),
  RETRY_BUDGET_SECONDS("retryBudgetSeconds", "90", null, false,
      "Longest time, in seconds, spent on one request over all its attempts and waits; a Retry-After"
          + " asking for more than is left fails the request at once."),
  CONNECT_RETRY_SECONDS("connectRetrySeconds", "2", null, false,
      "Seconds a request keeps retrying a connection refused by an API that has not answered since"
          + " the JVM started (most often a wrong host or port, or a service not started yet); 0 for"
          + " one attempt. Once the API has answered, a refused connection (a restart) is retried"
          + " like any broken connection, within retryBudgetSeconds."),
  RETRY_BACKOFF_MILLIS("retryBackoffMillis", "250", null, false,
      "Wait before the first retry, in milliseconds; it doubles for each further retry, with jitter."),
  RETRY_MAX_BACKOFF_MILLIS("retryMaxBackoffMillis", "8000", null, false,
      "Longest wait between attempts, in milliseconds, unless the API asks for more with Retry-After."),
  REQUESTS_PER_SECOND("requestsPerSecond", "0", null, false,
      "A cap on requests per second to each API from one connection; 0 (the default) for none: the"
          + " adaptive limit, shared by the JVM's connections to the same API and key, finds the API's"
          + " pace from its answers (429, 503, timeouts) and Retry-After."),
  MAX_CONCURRENT_REQUESTS("maxConcurrentRequests", "16", null, false,
      "A cap on requests in flight at once to each API from one connection; the adaptive limit"
          + " shared by the JVM's connections (from 8, up to 64) may allow fewer."),
  HTTP_LOG("httpLog", "NONE", null, false,
      "Log each request to the java.util.logging logger io.convosql.http: NONE, BASIC (request and"
          + " status lines), HEADERS or BODY. Keys are always redacted."),
  CACHE_TTL_SECONDS("cacheTtlSeconds", "0", null, false,
      "Seconds a GET answer is reused, so that a query repeated within them sends no request; 0 turns"
          + " the cache off. Shared by the JVM's connections with the same API URL and key; a statement"
          + " with the no_cache hint asks the API again (see Caching)."),
  CACHE_DETAIL_TTL_SECONDS("cacheDetailTtlSeconds", "3600", null, false,
      "Seconds the details of finished sessions (PathSim sessions no longer In Progress, Insights"
          + " sessions whose status is ended) are reused, when the cache is on."),
  CACHE_MAX_MEGABYTES("cacheMaxMegabytes", "64", null, false,
      "Most megabytes of answers one cache (per API, URL and key) holds; the least used go first."),
  REQUEST_LOG_SIZE("requestLogSize", "1000", null, false,
      "Most recent API requests of the connection kept in the table convosql.requests (older ones are"
          + " dropped); 0 keeps none."),
  PLAN_CACHE_SIZE("planCacheSize", "100", null, false,
      "Most queries whose plans the connection keeps by their SQL text, so that the same SQL run again"
          + " (Statement.executeQuery or prepareStatement) is not parsed and planned again; each run still"
          + " reads the clock and asks the API anew. 0 turns it off."),
  MAX_REQUESTS_PER_STATEMENT("maxRequestsPerStatement", "250", null, false,
      "Most API requests one statement may send. A statement that would send more fails before"
          + " sending them: when its cost is known beforehand, or as soon as a listing's pages show it (the"
          + " requests sure to follow and, for the sessions not yet listed of a filter the API does not"
          + " apply exactly, as many as a listing's first page makes likely: an estimate, made only from the first pages"
          + " read before any later page, which the error says it is); one that reaches it while running stops before the request past it; both with SQLState"
          + " 54000 naming the estimate and the filter that narrows it. EXPLAIN shows each scan's estimate."
          + " 0 for no limit.");

  private final String propertyName;
  private final @Nullable String defaultValue;
  private final @Nullable String environmentVariable;
  private final boolean secret;
  private final String description;

  ConvoSqlProperty(String propertyName, @Nullable String defaultValue,
      @Nullable String environmentVariable, boolean secret, String description) {
    this.propertyName = propertyName;
    this.defaultValue = defaultValue;
    this.environmentVariable = environmentVariable;
    this.secret = secret;
    this.description = description;
  }

  /** The name used in connection strings and {@code Properties}. */
  public String propertyName() {
    return propertyName;
  }

  public @Nullable String defaultValue() {
    return defaultValue;
  }

  /** The environment variable a key falls back to, or null. */
  public @Nullable String environmentVariable() {
    return environmentVariable;
  }

  /** Whether the value is a secret that must never be shown. */
  public boolean secret() {
    return secret;
  }

  public String description() {
    return description;
  }

  /** The property with this name (exact spelling), or null. */
  public static @Nullable ConvoSqlProperty byName(String name) {
    for (ConvoSqlProperty p : values()) {
      if (p.propertyName.equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The property whose name matches ignoring case, for "did you mean" hints. */
  static @Nullable ConvoSqlProperty byNameIgnoreCase(String name) {
    for (ConvoSqlProperty p : values()) {
      if (p.propertyName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }
}
