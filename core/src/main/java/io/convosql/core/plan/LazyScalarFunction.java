package io.convosql.core.plan;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.ReflectiveCallNotNullImplementor;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.function.SemiStrict;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ReflectiveFunctionBase;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A public static method as a SQL scalar function, as Calcite's {@code ScalarFunctionImpl} makes it
 * (the same parameters, return type and generated call), except that the code generator is built
 * when a query first compiles a call rather than when a connection registers the function: building
 * it initializes Calcite's table of every operator's implementation ({@code RexImpTable}, some 600
 * classes and 0.3 s), which has no place in {@code getConnection}. The method handles nulls itself
 * (Calcite's {@code NullPolicy.NONE}), so {@link Strict} and {@link SemiStrict} methods are refused:
 * Calcite gives those a return type of their own that only its own class computes.
 */
public final class LazyScalarFunction extends ReflectiveFunctionBase
    implements ScalarFunction, ImplementableFunction {
  private volatile @Nullable CallImplementor implementor;

  private LazyScalarFunction(Method method) {
    super(method);
  }

  /** The public static method of this name in {@code type} as a function. */
  public static LazyScalarFunction of(Class<?> type, String methodName) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(methodName) && !m.isBridge()) {
        return of(m);
      }
    }
    throw new IllegalArgumentException(type.getName() + " has no public method " + methodName);
  }

  /** The method as a function; it must be public, static and neither strict nor semi-strict. */
  public static LazyScalarFunction of(Method method) {
    Objects.requireNonNull(method, "method");
    if (!Modifier.isStatic(method.getModifiers()) || !Modifier.isPublic(method.getModifiers())) {
      throw new IllegalArgumentException(method + " is not public and static");
    }
    if (annotated(method, Strict.class) || annotated(method, SemiStrict.class)) {
      throw new IllegalArgumentException(method + " is strict or semi-strict: register it with"
          + " Calcite's ScalarFunctionImpl");
    }
    return new LazyScalarFunction(method);
  }

  private static boolean annotated(Method method, Class<? extends java.lang.annotation.Annotation> a) {
    return method.isAnnotationPresent(a) || method.getDeclaringClass().isAnnotationPresent(a);
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createJavaType(method.getReturnType());
  }

  /** Calls the method with the arguments as they are, nulls included; built on the first call. */
  @Override
  public CallImplementor getImplementor() {
    CallImplementor i = implementor;
    if (i == null) { // two threads may both build one: they are equal and cheap after the first
      i = RexImpTable.createImplementor(new ReflectiveCallNotNullImplementor(method), NullPolicy.NONE,
          false);
      implementor = i;
    }
    return i;
  }

  /** Whether the code generator has been built yet, for tests. */
  boolean implemented() {
    return implementor != null;
  }

  @Override
  public String toString() {
    return "LazyScalarFunction(" + method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + ")";
  }
}
