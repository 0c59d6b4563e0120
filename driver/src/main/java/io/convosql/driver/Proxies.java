package io.convosql.driver;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The JDBC objects users get are proxies of Calcite's: a proxy implements every interface of its
 * target, is equal only to itself (tools keep connections and statements in hash sets) and lets its
 * handler see every other call.
 */
final class Proxies {
  private Proxies() {}

  /** A proxy implementing every interface of the target, such as Calcite's own connection interface. */
  static Object proxy(Object target, InvocationHandler handler) {
    return Proxy.newProxyInstance(Proxies.class.getClassLoader(), interfaces(target.getClass()),
        (p, method, args) -> switch (method.getName()) {
          case "equals" -> method.getParameterCount() == 1 ? p == args[0] : handler.invoke(p, method, args);
          case "hashCode" -> method.getParameterCount() == 0
              ? System.identityHashCode(p) : handler.invoke(p, method, args);
          case "toString" -> method.getParameterCount() == 0 ? target.toString() : handler.invoke(p, method, args);
          default -> handler.invoke(p, method, args);
        });
  }

  /** Every interface a class and its superclasses implement, in the order {@link #proxy} uses. */
  private static Class<?>[] interfaces(Class<?> type) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        interfaces.add(i);
      }
    }
    return interfaces.toArray(new Class<?>[0]);
  }

  /**
   * Generates (the JDK caches it) and returns the proxy class that {@link #proxy} makes for targets
   * of this class, so that the first proxy of it is made at once.
   */
  static Class<?> prepare(Class<?> type) {
    return Proxy.newProxyInstance(Proxies.class.getClassLoader(), interfaces(type), (p, method, args) -> null)
        .getClass();
  }

  /** Calls the target, rethrowing what it threw. */
  static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Why convosql has no such call, where one reason covers it; empty otherwise. */
  private static String unsupportedBecause(Method method) {
    String name = method.getName();
    if (method.getDeclaringClass() == java.sql.ResultSet.class && (name.startsWith("update")
        || name.matches("absolute|relative|previous|first|last|beforeFirst|afterLast|insertRow"
            + "|deleteRow|refreshRow|cancelRowUpdates|moveToInsertRow|moveToCurrentRow"))) {
      return ", whose result sets are forward-only and read-only";
    }
    if (name.matches("create(Blob|Clob|NClob|SQLXML|Struct|ArrayOf)|getRowId|getGeneratedKeys")) {
      return ", which reads the APIs' values and makes no LOBs, structured values, row ids or"
          + " generated keys";
    }
    return "";
  }

  /** Calls the target; a failure becomes an SQLException with the SQLState of its cause. */
  static Object invokeTranslated(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLFeatureNotSupportedException unsupported && unsupported.getSQLState() == null
          && unsupported.getMessage() == null) { // Calcite's, which says nothing of the call
        throw new SQLFeatureNotSupportedException(method.getDeclaringClass().getSimpleName() + "."
            + method.getName() + " is not supported by convosql" + unsupportedBecause(method)
            + ": leave the call out", "0A000", cause);
      }
      boolean declaresSql = method.getExceptionTypes().length > 0;
      throw cause instanceof SQLException || declaresSql && (cause instanceof RuntimeException
          || cause instanceof Error error && translatable(error)) ? SqlErrors.translate(cause) : cause;
    }
  }

  /**
   * Whether an Error is Calcite's, to report as an SQLException: an AssertionError of its validator or
   * planner, a class it could not load, a stack too small for a statement nested too deeply (the stack
   * has unwound by the time it reaches here). The JVM's own failures (no memory, an internal error)
   * and a thread being stopped are left as they are.
   */
  private static boolean translatable(Error error) {
    return error instanceof StackOverflowError
        || !(error instanceof VirtualMachineError) && !(error instanceof ThreadDeath);
  }
}
