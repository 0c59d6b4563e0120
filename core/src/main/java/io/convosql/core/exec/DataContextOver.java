package io.convosql.core.exec;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement's context seen through: the same schema, types and query provider, and each variable
 * as {@link #get} says, by default the context's own. Subclasses change a few variables.
 */
public abstract class DataContextOver implements DataContext {
  /** The context seen through. */
  protected final DataContext context;

  protected DataContextOver(DataContext context) {
    this.context = context;
  }

  @Override
  public @Nullable SchemaPlus getRootSchema() {
    return context.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return context.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return context.getQueryProvider();
  }

  @Override
  public @Nullable Object get(String name) {
    return context.get(name);
  }
}
