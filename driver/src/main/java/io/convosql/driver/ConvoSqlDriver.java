package io.convosql.driver;

import io.convosql.core.exec.RequestBudget;
import io.convosql.core.http.ApiClient;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * The convosql JDBC driver: {@code jdbc:convosql:name=value;...}. A connection is a Calcite
 * connection whose root schema holds one schema per API ({@code pathsim}, ...), each with its own
 * HTTP client, closed with the connection, and its own cache of prepared queries ({@link PlanCache}).
 */
public final class ConvoSqlDriver extends org.apache.calcite.jdbc.Driver {
  /** The prefix of every convosql JDBC URL. */
  public static final String PREFIX = "jdbc:convosql:";
  /** The driver's version, as {@code DatabaseMetaData.getDriverVersion()} and SQL's {@code version()} give it. */
  static final String VERSION = "0.1.0";

  private final Map<AvaticaConnection, ConnectionResources> resources = new ConcurrentHashMap<>();
  /** The URL each open connection was opened with, its secrets masked ({@code getURL()}). */
  private final Map<AvaticaConnection, String> urls = new ConcurrentHashMap<>();
  /** Each open connection's plan cache, by its root schema (what a preparation is told). */
  private final Map<CalciteSchema, PlanCache> plans = new ConcurrentHashMap<>();
  /** The root schemas of the open connections whose functions are {@code fun=postgresql}'s. */
  private final Set<CalciteSchema> postgresqlFunctions = ConcurrentHashMap.newKeySet();

  /** The instance registered with {@link java.sql.DriverManager}. */
  static final ConvoSqlDriver REGISTERED = new ConvoSqlDriver();

  static {
    REGISTERED.register();
    // A tool loads the driver before it connects: the TLS setup every API client shares is built meanwhile.
    ApiClient.prepareInBackground();
    // ... and so are Avatica's protocol descriptors, the random source of connection ids, ...
    ConnectionPrelude.startInBackground();
    // ... and so are the classes and generated code of a first query (Warmup; -Dconvosql.warmup=false: off)
    Warmup.startInBackground();
  }

  public ConvoSqlDriver() {
    super();
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }


  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("convosql JDBC driver", VERSION, "convosql", VERSION, true, 0, 1, 0, 1);
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !acceptsURL(url)) {
      return null;
    }
    ConnectionSettings settings =
        ConnectionSettings.parse(url.substring(PREFIX.length()), info, System::getenv);
    // Calcite sees only its own properties and a URL without values, so no key can surface
    // through getURL(), getClientInfo() or toString().
    Connection connection;
    try {
      connection = super.connect(PREFIX, settings.calciteProperties());
    } catch (LinkageError e) {
      throw cannotInitialize(e);
    }
    try {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      ConnectionResources owned = Schemas.register(calcite.getRootSchema(), settings);
      resources.put((AvaticaConnection) connection, owned);
      urls.put((AvaticaConnection) connection, ConvoSqlDatabaseMetaData.mask(url));
      PlanCache cache = settings.planCacheSize() > 0 ? new PlanCache(settings.planCacheSize()) : null;
      if (cache != null) {
        plans.put(root(calcite), cache);
      }
      String fun = CalciteConnectionProperty.FUN.wrap(settings.calciteProperties()).getString();
      if (PostgresqlFunctions.FUN.equals(fun)) {
        postgresqlFunctions.add(root(calcite));
      }
      connection.setAutoCommit(true); // JDBC: a new connection is in auto-commit mode; Calcite's is not
      String schema = CalciteConnectionProperty.SCHEMA.wrap(settings.calciteProperties()).getString();
      if (schema != null) { // Calcite reads it only from a model, which convosql has none of
        SchemaStatements.set(connection, schema);
      }
      return ConnectionProxy.wrap(connection, owned.warnings(), cache == null ? () -> { } : cache::clear);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e instanceof SQLException ? (SQLException) e
          : new SQLException("Cannot open a convosql connection: " + e.getMessage(), "08001", e);
    }
  }

  /**
   * A class that Calcite's connection needs could not be loaded or initialized: an SQLException that
   * says so, with a hint. On JDK 23 and later, {@code --sun-misc-unsafe-memory-access=deny} does this
   * (Avatica's protobuf reads arrays through {@code sun.misc.Unsafe}).
   */
  static SQLException cannotInitialize(LinkageError e) {
    String hint = "deny".equals(System.getProperty("sun.misc.unsafe.memory.access"))
        ? "Hint: this JVM runs with --sun-misc-unsafe-memory-access=deny, and the protobuf inside Calcite's"
            + " JDBC layer (Avatica) reads arrays through sun.misc.Unsafe: run it with allow or warn instead."
        : "Hint: the class path may hold another version of Calcite, Avatica or protobuf beside the driver's jar.";
    return new SQLException("Cannot open a convosql connection: the JVM could not initialize a class it needs ("
        + e + "). " + hint, "08001", e);
  }

  private static CalciteSchema root(CalciteConnection connection) {
    return connection.getRootSchema().unwrap(CalciteSchema.class);
  }

  /** How many open connections have a plan cache (for tests: closing a connection drops its cache). */
  int planCaches() {
    return plans.size();
  }

  /** Calcite's preparation, with the plan cache of the connection that prepares in front. */
  @Override
  public CalcitePrepare createPrepare() {
    return new PlanCachingPrepare(plans::get, postgresqlFunctions::contains);
  }

  /**
   * Calcite's JDBC objects with UTF-8 as the connections' default charset and convosql's
   * DatabaseMetaData ({@link Utf8Factory}); called by Avatica's constructor.
   */
  @Override
  protected AvaticaFactory createFactory() {
    return new Utf8Factory(connection -> urls.get(connection)); // read when asked, not now
  }

  /** Calcite's metadata with remarks, plain type names, keys and indexes ({@link ConvoSqlMeta}). */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return new ConvoSqlMeta(connection);
  }

  @Override
  protected Handler createHandler() {
    Handler calcite = super.createHandler();
    return new Handler() {
      @Override
      public void onConnectionInit(AvaticaConnection connection) throws SQLException {
        calcite.onConnectionInit(connection);
      }

      @Override
      public void onConnectionClose(AvaticaConnection connection) {
        if (connection instanceof CalciteConnection calcite) {
          plans.remove(root(calcite));
          postgresqlFunctions.remove(root(calcite));
        }
        urls.remove(connection);
        ConnectionResources r = resources.remove(connection);
        if (r != null) {
          try {
            r.close();
          } catch (Exception e) {
            // closing HTTP clients cannot fail in a way the user could act on
          }
        }
        calcite.onConnectionClose(connection);
      }

      @Override
      public void onStatementExecute(org.apache.calcite.avatica.AvaticaStatement statement,
          ResultSink sink) {
        Object cancelFlag = WarningStatements.cancelFlag(statement);
        // cancel() stops the execution it meets; Avatica never lowers the flag again, so without
        // this every later execution of the statement failed at once as cancelled
        ((AtomicBoolean) cancelFlag).set(false);
        ConnectionResources r = resources.get(statement.connection);
        if (r != null) {
          r.warnings().clear(cancelFlag); // a new execution, new warnings
          RequestBudget.limit(cancelFlag, r.maxRequestsPerStatement());
        }
        calcite.onStatementExecute(statement, sink);
      }

      @Override
      public void onStatementClose(org.apache.calcite.avatica.AvaticaStatement statement) {
        calcite.onStatementClose(statement);
      }
    };
  }

  /** Every convosql property with its description and its value in the URL or info; never a secret. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties values = info == null ? new Properties() : info;
    if (url != null && acceptsURL(url)) {
      values = ConnectStringParser.parse(url.substring(PREFIX.length()), values);
    }
    ConvoSqlProperty[] all = ConvoSqlProperty.values();
    DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      ConvoSqlProperty p = all[i];
      String given = values.getProperty(p.propertyName());
      DriverPropertyInfo d = new DriverPropertyInfo(p.propertyName(),
          p.secret() ? null : given != null ? given : p.defaultValue());
      d.description = p.description();
      d.required = false;
      out[i] = d;
    }
    return out;
  }
}
