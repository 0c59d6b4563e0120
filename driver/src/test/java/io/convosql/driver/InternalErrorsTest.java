package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An Error from inside Calcite never leaves a JDBC call as it is: an AssertionError (or another Error
 * but the JVM's own) is an SQLException (HY000) naming it, with a hint; a statement nested too deeply
 * for the stack (a StackOverflowError) is 54001 "too complex". Before, {@code {fn SUBSTRING('abc')}}
 * threw a bare {@code java.lang.AssertionError} out of {@code executeQuery}, and a long chain of
 * {@code 1+1+…} a {@code StackOverflowError} (or, longer, 42000 "Syntax error: null").
 */
class InternalErrorsTest {
  /**
   * The statement that threw Calcite's AssertionError here is now refused before Calcite sees it (a
   * JDBC escape's argument count is checked), through both paths; the net for any other such error is
   * {@link #theJvmsOwnErrorsAreNotTranslated}'s AssertionError case.
   */
  @Test
  void theStatementThatThrewAnAssertionErrorIsAnSqlException() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      String sql = "SELECT {fn SUBSTRING('abc')}";
      for (int i = 0; i < 2; i++) { // prepared, and through a Statement
        Throwable e = i == 0 ? DriverFixture.queryFailure(c, sql) : OwnSandbox.run(c, sql).failure();
        assertThat(e).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e).getSQLState()).isEqualTo("42000");
        assertThat(e).hasMessageContaining("Invalid number of arguments to function 'SUBSTRING'");
      }
      assertThat(DriverFixture.rows(c, "SELECT {fn SUBSTRING('abc', 2)}")).containsExactly("bc");
    }
  }

  @Test
  void aStatementTooDeepForTheStackIs54001() throws Exception {
    String longChain = "SELECT 1" + "+1".repeat(1500);
    String longerChain = "SELECT 1" + "+1".repeat(20000);
    try (Connection c = DriverFixture.connect()) {
      for (String sql : new String[] {longChain, longerChain}) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        // a thread of a known stack size, so that the depth overflows it on every JVM
        Thread t = new Thread(null, () -> thrown.set(DriverFixture.queryFailure(c, sql)), "deep", 512 * 1024);
        t.start();
        t.join();
        Throwable e = thrown.get();
        assertThat(e).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e).getSQLState()).isEqualTo("54001");
        assertThat(e).hasMessage("The statement is too complex: its expressions are nested too deeply for"
            + " the stack (a StackOverflowError). Write it with fewer nested operations, such as IN (…) for"
            + " a long chain of OR, or run the JVM with a larger stack (-Xss4m)");
      }
      assertThat(DriverFixture.rows(c, "SELECT 1")).containsExactly("1"); // the connection still works
    }
  }

  interface Call {
    void run() throws SQLException;

    void unchecked();
  }

  /** The JVM's own failures (no memory, an internal error) are rethrown as they are. */
  @Test
  void theJvmsOwnErrorsAreNotTranslated() throws Exception {
    Method run = Call.class.getMethod("run");
    Method unchecked = Call.class.getMethod("unchecked");
    for (Error error : new Error[] {new OutOfMemoryError("heap"), new InternalError("jit")}) {
      Call target = new Call() {
        @Override
        public void run() {
          throw error;
        }

        @Override
        public void unchecked() {
          throw error;
        }
      };
      assertThatThrownBy(() -> Proxies.invokeTranslated(target, run, null)).isSameAs(error);
    }
    Call asserting = new Call() {
      @Override
      public void run() {
        throw new AssertionError("boom");
      }

      @Override
      public void unchecked() {
        throw new AssertionError("boom");
      }
    };
    assertThatThrownBy(() -> Proxies.invokeTranslated(asserting, run, null)).isInstanceOf(SQLException.class)
        .hasMessageContaining("(java.lang.AssertionError: boom)")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY000"))
        .hasMessageContaining("report it to convosql with the statement");
    // a call that declares no SQLException cannot throw one: the error is left as it is
    assertThatThrownBy(() -> Proxies.invokeTranslated(asserting, unchecked, null)).isInstanceOf(AssertionError.class);
  }
}
