package io.convosql.driver;

import io.convosql.core.exec.StatementWarnings;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaStatement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Gives statements the warnings their scans filed (Avatica's own {@code getWarnings()} always answers
 * null): a statement answers {@code getWarnings()} with the warnings filed under its cancel flag, the
 * object Calcite passes to each of its executions. Everything else goes to Calcite's statement.
 */
final class WarningStatements {
  private static final Field CANCEL_FLAG = cancelFlagField();

  private WarningStatements() {}

  private static Field cancelFlagField() {
    try {
      Field f = AvaticaStatement.class.getDeclaredField("cancelFlag");
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("this Avatica has no statement cancel flag", e);
    }
  }

  /** The statement's cancel flag, under which its warnings are filed. */
  static Object cancelFlag(Statement statement) {
    try {
      return CANCEL_FLAG.get(statement.unwrap(AvaticaStatement.class));
    } catch (ReflectiveOperationException | java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the statement's cancel flag", e);
    }
  }

  /** The statement, answering {@code getWarnings()} with what its scans filed. */
  static Statement statement(Statement statement, Connection connection, StatementWarnings warnings) {
    Object flag = cancelFlag(statement);
    return (Statement) proxy(statement, (p, method, args) -> {
      switch (method.getName()) {
        case "getWarnings":
          return chain(warnings.get(flag), (SQLWarning) invoke(statement, method, args));
        case "clearWarnings":
          warnings.clear(flag);
          return invoke(statement, method, args);
        case "getConnection":
          return connection;
        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate":
          if (args != null && args.length > 0 && args[0] instanceof String sql) {
            NoCacheHint.apply(statement, sql); // each SQL text says for itself
          }
          Object executed = invokeTranslated(statement, method, args);
          return executed instanceof ResultSet rs ? resultSet(rs, (Statement) p) : executed;
        default:
          Object result = invokeTranslated(statement, method, args);
          return result instanceof ResultSet rs ? resultSet(rs, (Statement) p) : result;
      }
    });
  }

  /** A result set whose failures (a page that cannot be read, a cancel) carry their SQLState. */
  private static ResultSet resultSet(ResultSet rs, Statement statement) {
    return (ResultSet) proxy(rs, (p, method, args) -> method.getName().equals("getStatement")
        ? statement : invokeTranslated(rs, method, args));
  }

  /** Calls the target; a failure becomes an SQLException with the SQLState of its cause. */
  static Object invokeTranslated(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SQLException || cause instanceof RuntimeException
          && method.getExceptionTypes().length > 0 ? SqlErrors.translate(cause) : cause;
    }
  }

  private static @Nullable SQLWarning chain(@Nullable SQLWarning ours, @Nullable SQLWarning theirs) {
    if (ours == null) {
      return theirs;
    }
    if (theirs != null) {
      SQLWarning last = ours;
      while (last.getNextWarning() != null) {
        last = last.getNextWarning();
      }
      last.setNextWarning(theirs);
    }
    return ours;
  }

  /** A proxy implementing every interface of the target, such as Calcite's own connection interface. */
  static Object proxy(Object target, InvocationHandler handler) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        interfaces.add(i);
      }
    }
    return Proxy.newProxyInstance(WarningStatements.class.getClassLoader(),
        interfaces.toArray(new Class<?>[0]), handler);
  }

  /** Calls the target, rethrowing what it threw. */
  static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
