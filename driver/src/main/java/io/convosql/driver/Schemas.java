package io.convosql.driver;

import io.convosql.adapter.pathsim.PathSimSchema;
import io.convosql.core.http.ApiClient;
import io.convosql.sandbox.Sandbox;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.calcite.schema.SchemaPlus;

/** Adds the API schemas of one connection to its root schema, as its settings say. */
final class Schemas {
  private Schemas() {}

  /** Registers the schemas; the result closes their HTTP clients. */
  static AutoCloseable register(SchemaPlus root, ConnectionSettings settings) throws SQLException {
    Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
    String pathSimUrl;
    String pathSimKey;
    if (settings.demo()) {
      Sandbox sandbox = DemoSandbox.get();
      pathSimUrl = sandbox.pathSimUrl();
      pathSimKey = Sandbox.PATHSIM_KEY;
    } else {
      pathSimUrl = settings.get(ConvoSqlProperty.PATHSIM_URL);
      pathSimKey = settings.get(ConvoSqlProperty.PATHSIM_API_KEY);
    }
    PathSimSchema pathSim;
    try {
      pathSim = new PathSimSchema(
          ApiClient.parseRoot(pathSimUrl, ConvoSqlProperty.PATHSIM_URL.propertyName()), pathSimKey, timeout,
          settings.pushdown());
    } catch (IllegalArgumentException e) {
      throw new SQLException("Bad connection property: " + e.getMessage(), "HY000", e);
    }
    root.add("pathsim", pathSim);
    return pathSim;
  }
}
