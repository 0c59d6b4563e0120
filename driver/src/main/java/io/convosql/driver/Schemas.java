package io.convosql.driver;

import io.convosql.adapter.insights.InsightsSchema;
import io.convosql.adapter.pathsim.PathSimSchema;
import io.convosql.core.exec.StatementWarnings;
import io.convosql.core.http.ApiClient;
import io.convosql.core.http.HttpSettings;
import io.convosql.core.http.RecentRequests;
import io.convosql.core.plan.Matches;
import io.convosql.sandbox.Sandbox;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Adds the API schemas of one connection ({@code pathsim}, {@code insights}), the {@code matches}
 * function and the {@code convosql} schema of its recent requests to its root schema, as its
 * settings say.
 */
final class Schemas {
  private Schemas() {}

  /** Registers the schemas; the result closes their HTTP clients. */
  static ConnectionResources register(SchemaPlus root, ConnectionSettings settings) throws SQLException {
    RecentRequests requests = new RecentRequests(settings.requestLogSize());
    ScanProgress progress = ScanProgress.active;
    if (progress != null) {
      requests.addListener(progress); // the shell's progress line
    }
    HttpSettings http = settings.httpSettings().withObserver(requests);
    HttpUrl pathSimUrl;
    String pathSimKey;
    HttpUrl insightsUrl;
    String insightsKey;
    try {
      if (settings.demo()) {
        Sandbox sandbox = DemoSandbox.get();
        pathSimUrl = HttpUrl.get(sandbox.pathSimUrl());
        pathSimKey = Sandbox.PATHSIM_KEY;
        insightsUrl = HttpUrl.get(sandbox.insightsUrl());
        insightsKey = Sandbox.INSIGHTS_KEY;
      } else {
        pathSimUrl = ApiClient.parseRoot(settings.get(ConvoSqlProperty.PATHSIM_URL),
            ConvoSqlProperty.PATHSIM_URL.propertyName());
        pathSimKey = settings.key(ConvoSqlProperty.PATHSIM_API_KEY);
        String url = settings.get(ConvoSqlProperty.INSIGHTS_URL);
        insightsUrl = url != null
            ? ApiClient.parseRoot(url, ConvoSqlProperty.INSIGHTS_URL.propertyName())
            : InsightsSchema.regionUrl(settings.get(ConvoSqlProperty.INSIGHTS_REGION));
        insightsKey = settings.key(ConvoSqlProperty.INSIGHTS_API_KEY);
      }
      PathSimSchema.checkTimeFormat(settings.get(ConvoSqlProperty.PATHSIM_TIME_FORMAT));
    } catch (IllegalArgumentException e) {
      throw new SQLException("Bad connection property: " + e.getMessage(), "HY000", e);
    }
    if (!settings.allowInsecureHttp()) {
      requireHttps(pathSimUrl, settings.demo() ? null : ConvoSqlProperty.PATHSIM_URL);
      requireHttps(insightsUrl, settings.demo() ? null : ConvoSqlProperty.INSIGHTS_URL);
    }
    PathSimSchema pathSim = new PathSimSchema(pathSimUrl, pathSimKey, http, settings.pushdown(),
        settings.get(ConvoSqlProperty.PATHSIM_TIME_FORMAT));
    InsightsSchema insights = new InsightsSchema(insightsUrl, insightsKey, http, settings.pushdown(),
        settings.lookbackDays(), settings.allowDelete(), Clock.systemUTC());
    pathSim.useCache(settings.cacheSettings());
    insights.useCache(settings.cacheSettings());
    StatementWarnings warnings = new StatementWarnings();
    insights.setWarningListener(warnings);
    pathSim.setWarningListener(warnings);
    root.add("pathsim", pathSim);
    root.add("insights", insights);
    root.add("matches", Matches.function());
    root.add(ConvertTz.NAME, ConvertTz.function());
    root.add(SystemSchema.NAME, new SystemSchema(requests));
    // PostgreSQL's text, as in x::text and CAST(x AS TEXT), is VARCHAR (before, "Unknown identifier
    // 'text'"); spelled both ways for connections whose names keep their case (lex=JAVA)
    for (String text : List.of("TEXT", "text")) {
      root.add(text, types -> types.createSqlType(SqlTypeName.VARCHAR));
    }
    // Calcite's own "metadata" schema (TABLES and COLUMNS, a copy of DatabaseMetaData) would show
    // in SQL tools as a third schema beside the two APIs; DatabaseMetaData tells the same. The
    // driver's factory (Utf8Factory) no longer makes it; this keeps any other root free of it too.
    root.unwrap(CalciteSchema.class).removeSubSchema("metadata");
    return new ConnectionResources(warnings, settings.maxRequestsPerStatement(), pathSim, insights);
  }

  /** Refuses plain HTTP to any host but loopback, before any request is made. */
  private static void requireHttps(HttpUrl url, ConvoSqlProperty property) throws SQLException {
    if (url.isHttps() || property == null || isLoopback(url.host())) {
      return;
    }
    throw new SQLException("Connection property " + property.propertyName() + " is a plain http:// URL"
        + " for " + url.host() + ": API keys would travel unencrypted, so convosql refuses it. Use https://,"
        + " or set allowInsecureHttp=true if you really mean it.", "08001");
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }
}
