package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * The driver's connection prelude ({@link ConnectionPrelude}) prepares the very proxy class the
 * driver's connections are made of, and never throws.
 */
class ConnectionPreludeTest {
  @Test
  void theProxyClassItPreparesIsTheOneEveryConnectionIs() throws Exception {
    ConnectionPrelude.run();
    Class<?> prepared = Proxies.prepare(Class.forName(ConnectionPrelude.CALCITE_CONNECTION));
    try (Connection c = DriverManager.getConnection("jdbc:convosql:pathsim.url=http://127.0.0.1:9/p;"
        + "pathsim.apiKey=k;insights.url=http://127.0.0.1:9/i;insights.apiKey=k")) {
      assertThat(c.getClass()).isSameAs(prepared);
    }
  }
}
