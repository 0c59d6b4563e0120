package org.apache.calcite.jdbc;

import io.convosql.core.exec.DataContextOver;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's connection, except that {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP} and what
 * derives from them ({@code CURRENT_DATE}, {@code CURRENT_TIME}, PostgreSQL's {@code now()}) read
 * the UTC clock, the clock of convosql's timestamps (UTC wall-clock values), rather than the JVM's
 * zone: {@code started_at >= CURRENT_TIMESTAMP - INTERVAL '1' HOUR} is the last hour wherever the
 * JVM runs. Reading and binding {@code Timestamp} values keep JDBC's rule (the wall clock in the
 * JVM's zone), which the connection's {@code timeZone} governs. In this package because Calcite's
 * connection class can be extended only from here.
 */
public final class UtcClockConnection extends CalciteConnectionImpl {
  public UtcClockConnection(Driver driver, AvaticaFactory factory, String url, Properties info,
      @Nullable CalciteSchema rootSchema, @Nullable JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
  }

  @Override
  public DataContext createDataContext(Map<String, Object> parameterValues,
      @Nullable CalciteSchema rootSchema) {
    return new UtcClock(super.createDataContext(parameterValues, rootSchema));
  }

  /** A statement's context whose current and local timestamps are its UTC timestamp. */
  private static final class UtcClock extends DataContextOver {
    UtcClock(DataContext context) {
      super(context);
    }

    @Override
    public @Nullable Object get(String name) {
      if (name.equals(Variable.CURRENT_TIMESTAMP.camelName) || name.equals(Variable.LOCAL_TIMESTAMP.camelName)) {
        return context.get(Variable.UTC_TIMESTAMP.camelName);
      }
      return context.get(name);
    }
  }
}
