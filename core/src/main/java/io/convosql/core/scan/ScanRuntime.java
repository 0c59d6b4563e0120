package io.convosql.core.scan;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** The entry point that generated code calls to run a scan; table and spec come from the stash. */
public final class ScanRuntime {
  private ScanRuntime() {}

  public static Enumerable<Object> enumerable(ApiTable table, ScanSpec spec, DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new ScanEnumerator(table, spec, context);
      }
    };
  }
}
