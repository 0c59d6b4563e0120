package io.convosql.driver;

import io.convosql.core.http.CacheSettings;
import io.convosql.core.http.HttpLog;
import io.convosql.core.http.HttpSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectionProperty;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The properties of one connection: the URL's {@code name=value;...} pairs merged with the given
 * {@code Properties}, checked against the known names (a typo is an error, not a silent default),
 * with convosql's defaults for Calcite (lex=MYSQL_ANSI, NULLs last, Babel's parser, PostgreSQL's
 * functions, LENIENT conformance, day and month names in English) where the user gave none.
 */
final class ConnectionSettings {
  /** Properties SQL tools send on their own; accepted and ignored. */
  private static final Set<String> TOOL_PROPERTIES = Set.of("user", "password");
  private static final Map<String, String> CALCITE_DEFAULTS = Map.of(
      "lex", "MYSQL_ANSI",
      "defaultNullCollation", "LAST",
      // Babel's parser reserves few words, so columns named value, language, at ... need no quotes
      "parserFactory", "org.apache.calcite.sql.parser.babel.SqlBabelParserImpl#FACTORY",
      // the standard functions plus PostgreSQL's (ILIKE, ...)
      "fun", "postgresql",
      // DEFAULT plus what PostgreSQL and MySQL users write: !=, %, GROUP BY 1 or an alias, but not
      // BABEL's non-grouped columns in SELECT (each read from an arbitrary row of its group)
      "conformance", "LENIENT",
      // DAYNAME and MONTHNAME in English and whole (Wednesday), as MySQL gives them; Calcite's ROOT
      // gives Wed
      "locale", "en_US");

  private final Properties properties;
  private final Function<String, String> environment;

  private ConnectionSettings(Properties properties, Function<String, String> environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** Parses and checks a connection's settings; the URL's values win over {@code info}'s. */
  static ConnectionSettings parse(String urlSuffix, @Nullable Properties info,
      Function<String, String> environment) throws SQLException {
    Properties merged = ConnectStringParser.parse(urlSuffix, info == null ? new Properties() : info);
    for (String name : merged.stringPropertyNames()) {
      check(name);
    }
    CALCITE_DEFAULTS.forEach((k, v) -> {
      if (!containsIgnoreCase(merged, k)) {
        merged.setProperty(k, v);
      }
    });
    ConnectionSettings settings = new ConnectionSettings(merged, environment);
    settings.validateValues();
    return settings;
  }

  private static boolean containsIgnoreCase(Properties p, String name) {
    return p.stringPropertyNames().stream().anyMatch(n -> n.equalsIgnoreCase(name));
  }

  private static void check(String name) throws SQLException {
    if (ConvoSqlProperty.byName(name) != null || TOOL_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))
        || calciteNames().contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    ConvoSqlProperty sameButCase = ConvoSqlProperty.byNameIgnoreCase(name);
    List<String> names = Stream.of(ConvoSqlProperty.values()).map(ConvoSqlProperty::propertyName).toList();
    List<String> close = sameButCase != null ? List.of(sameButCase.propertyName())
        : NameSuggestions.nearest(name, names);
    String valid = String.join(", ", names);
    throw new SQLException("Unknown connection property '" + name + "'."
        + (close.isEmpty() ? "" : " Did you mean '" + String.join("' or '", close) + "'?")
        + " Valid convosql properties: " + valid
        + "; Calcite's own properties (lex, caseSensitive, timeZone, …) are accepted too.", "HY000");
  }

  private static Set<String> calciteNames() {
    Set<String> names = new TreeSet<>();
    for (CalciteConnectionProperty p : CalciteConnectionProperty.values()) {
      names.add(p.camelName().toLowerCase(Locale.ROOT));
    }
    for (BuiltInConnectionProperty p : BuiltInConnectionProperty.values()) {
      names.add(p.camelName().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private void validateValues() throws SQLException {
    for (ConvoSqlProperty p : new ConvoSqlProperty[] {
        ConvoSqlProperty.DEMO, ConvoSqlProperty.PUSHDOWN, ConvoSqlProperty.INSIGHTS_ALLOW_DELETE,
        ConvoSqlProperty.ALLOW_INSECURE_HTTP}) {
      String v = get(p);
      if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
        throw new SQLException("Connection property " + p.propertyName() + " must be true or false, not '"
            + v + "'", "HY000");
      }
    }
    positive(ConvoSqlProperty.INSIGHTS_LOOKBACK_DAYS, "days");
    positive(ConvoSqlProperty.CONNECT_TIMEOUT_SECONDS, "seconds");
    positive(ConvoSqlProperty.READ_TIMEOUT_SECONDS, "seconds");
    positive(ConvoSqlProperty.CALL_TIMEOUT_SECONDS, "seconds");
    positive(ConvoSqlProperty.RETRY_MAX_ATTEMPTS, "attempts");
    positive(ConvoSqlProperty.RETRY_BUDGET_SECONDS, "seconds");
    positive(ConvoSqlProperty.RETRY_BACKOFF_MILLIS, "milliseconds");
    notNegative(ConvoSqlProperty.CONNECT_RETRY_SECONDS, "seconds", "");
    positive(ConvoSqlProperty.RETRY_MAX_BACKOFF_MILLIS, "milliseconds");
    positive(ConvoSqlProperty.MAX_CONCURRENT_REQUESTS, "requests");
    notNegative(ConvoSqlProperty.CACHE_TTL_SECONDS, "seconds", "");
    notNegative(ConvoSqlProperty.CACHE_DETAIL_TTL_SECONDS, "seconds", "");
    positive(ConvoSqlProperty.CACHE_MAX_MEGABYTES, "megabytes");
    if (integer(ConvoSqlProperty.RETRY_MAX_BACKOFF_MILLIS) < integer(ConvoSqlProperty.RETRY_BACKOFF_MILLIS)) {
      throw new SQLException("Connection property retryMaxBackoffMillis (" + get(
          ConvoSqlProperty.RETRY_MAX_BACKOFF_MILLIS) + ") must not be less than retryBackoffMillis ("
          + get(ConvoSqlProperty.RETRY_BACKOFF_MILLIS) + ")", "HY000");
    }
    String rps = get(ConvoSqlProperty.REQUESTS_PER_SECOND);
    try {
      double v = Double.parseDouble(rps.trim());
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new SQLException("Connection property requestsPerSecond must be 0 (no limit) or a positive"
          + " number, not '" + rps + "'", "HY000");
    }
    calciteEnums();
    httpLog();
    requestLogSize();
    planCacheSize();
    maxRequestsPerStatement();
  }

  /**
   * Calcite's properties whose value is one of an enum's ({@code lex}, {@code conformance}, …), read
   * as Calcite reads them: Calcite itself failed on a bad one with a RuntimeException ("Property 'FOO'
   * not valid for enum …") that had no SQLState and named neither the property nor its values.
   */
  private void calciteEnums() throws SQLException {
    for (CalciteConnectionProperty p : CalciteConnectionProperty.values()) {
      Class<?> values = p.valueClass();
      if (p.type() != ConnectionProperty.Type.ENUM || values == null || !values.isEnum()) {
        continue;
      }
      try {
        enumValue(p, values.asSubclass(Enum.class));
      } catch (RuntimeException e) {
        String valid = Stream.of(values.getEnumConstants()).map(v -> ((Enum<?>) v).name())
            .collect(Collectors.joining(", "));
        throw new SQLException("Connection property " + p.camelName() + " must be one of " + valid
            + ", not '" + properties.stringPropertyNames().stream()
            .filter(n -> n.equalsIgnoreCase(p.camelName())).map(properties::getProperty)
            .findFirst().orElse("") + "'", "HY000", e);
      }
    }
  }

  private <E extends Enum<E>> void enumValue(CalciteConnectionProperty p, Class<E> values) {
    p.wrap(properties).getEnum(values);
  }

  /** The most API requests one statement may send ({@link io.convosql.core.exec.RequestBudget}); 0 for no limit. */
  int maxRequestsPerStatement() throws SQLException {
    return notNegative(ConvoSqlProperty.MAX_REQUESTS_PER_STATEMENT, "requests", " (no limit)");
  }

  /** How many queries' plans the connection keeps ({@link PlanCache}); 0 for none. */
  int planCacheSize() throws SQLException {
    return notNegative(ConvoSqlProperty.PLAN_CACHE_SIZE, "queries", " (no plan cache)");
  }

  /** How many of the connection's recent requests {@code convosql.requests} keeps. */
  int requestLogSize() throws SQLException {
    return notNegative(ConvoSqlProperty.REQUEST_LOG_SIZE, "requests", "");
  }

  private void positive(ConvoSqlProperty p, String unit) throws SQLException {
    String v = get(p);
    try {
      if (Integer.parseInt(v.trim()) <= 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new SQLException("Connection property " + p.propertyName() + " must be a positive whole"
          + " number of " + unit + ", not '" + v + "'", "HY000");
    }
  }

  /** The value, a whole number of at least 0; {@code zeroMeans} tells what 0 does, in the error. */
  private int notNegative(ConvoSqlProperty p, String unit, String zeroMeans) throws SQLException {
    String v = get(p);
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new SQLException("Connection property " + p.propertyName() + " must be 0" + zeroMeans
          + " or a positive whole number of " + unit + ", not '" + v + "'", "HY000");
    }
  }

  private int integer(ConvoSqlProperty p) {
    return Integer.parseInt(get(p).trim());
  }

  private HttpLog httpLog() throws SQLException {
    String v = get(ConvoSqlProperty.HTTP_LOG);
    try {
      return HttpLog.valueOf(v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SQLException("Connection property httpLog must be NONE, BASIC, HEADERS or BODY, not '" + v
          + "'", "HY000");
    }
  }

  /** How both APIs' clients talk HTTP, as the properties say. */
  HttpSettings httpSettings() throws SQLException {
    double perSecond = Double.parseDouble(get(ConvoSqlProperty.REQUESTS_PER_SECOND).trim());
    return HttpSettings.defaults()
        .withTimeouts(seconds(ConvoSqlProperty.CONNECT_TIMEOUT_SECONDS),
            seconds(ConvoSqlProperty.READ_TIMEOUT_SECONDS), seconds(ConvoSqlProperty.CALL_TIMEOUT_SECONDS))
        .withRetries(integer(ConvoSqlProperty.RETRY_MAX_ATTEMPTS),
            seconds(ConvoSqlProperty.RETRY_BUDGET_SECONDS),
            Duration.ofMillis(integer(ConvoSqlProperty.RETRY_BACKOFF_MILLIS)),
            Duration.ofMillis(integer(ConvoSqlProperty.RETRY_MAX_BACKOFF_MILLIS)))
        .withConnectRetry(seconds(ConvoSqlProperty.CONNECT_RETRY_SECONDS))
        .withLimits(perSecond, integer(ConvoSqlProperty.MAX_CONCURRENT_REQUESTS))
        .withLog(httpLog());
  }

  /** How both APIs' answers are cached: off unless cacheTtlSeconds is above 0. */
  CacheSettings cacheSettings() {
    return new CacheSettings(seconds(ConvoSqlProperty.CACHE_TTL_SECONDS),
        seconds(ConvoSqlProperty.CACHE_DETAIL_TTL_SECONDS),
        integer(ConvoSqlProperty.CACHE_MAX_MEGABYTES) * 1024L * 1024L);
  }

  private Duration seconds(ConvoSqlProperty p) {
    return Duration.ofSeconds(integer(p));
  }

  /**
   * An API key: the property, else its environment variable, else the credentials file; null when
   * none of them has it.
   */
  @Nullable String key(ConvoSqlProperty p) throws SQLException {
    String v = get(p);
    if (v != null) {
      return v;
    }
    Properties file = Credentials.load(Credentials.path(get(ConvoSqlProperty.CREDENTIALS_FILE)));
    String fromFile = file.getProperty(p.propertyName());
    return fromFile == null || fromFile.isBlank() ? null : fromFile.strip();
  }

  int lookbackDays() {
    return Integer.parseInt(get(ConvoSqlProperty.INSIGHTS_LOOKBACK_DAYS).trim());
  }

  /** The properties to hand to Calcite: everything but convosql's own (so keys stay here). */
  Properties calciteProperties() {
    Properties out = new Properties();
    for (String name : properties.stringPropertyNames()) {
      if (ConvoSqlProperty.byName(name) == null) {
        out.setProperty(name, properties.getProperty(name));
      }
    }
    return out;
  }

  /**
   * A property's value, its environment fallback, or its default; null when none. An empty value
   * counts as not given (SQL tools send empty fields), so an empty key still falls back.
   */
  @Nullable String get(ConvoSqlProperty p) {
    String v = properties.getProperty(p.propertyName());
    if ((v == null || v.isEmpty()) && p.environmentVariable() != null) {
      v = environment.apply(p.environmentVariable());
    }
    return v == null || v.isEmpty() ? p.defaultValue() : v;
  }

  boolean demo() {
    return Boolean.parseBoolean(get(ConvoSqlProperty.DEMO));
  }

  boolean allowDelete() {
    return Boolean.parseBoolean(get(ConvoSqlProperty.INSIGHTS_ALLOW_DELETE));
  }

  boolean allowInsecureHttp() {
    return Boolean.parseBoolean(get(ConvoSqlProperty.ALLOW_INSECURE_HTTP));
  }

  boolean pushdown() {
    return Boolean.parseBoolean(get(ConvoSqlProperty.PUSHDOWN));
  }
}
