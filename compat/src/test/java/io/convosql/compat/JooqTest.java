package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * jOOQ 3.19's DSL with {@link SQLDialect#DEFAULT} (standard SQL, quoted names; the open-source
 * edition has no Calcite dialect) runs a grouped query with {@code limit} and {@code offset}, both
 * bound as parameters as jOOQ binds them: the page of groups is the API's, and the query reads the
 * listing only, without one detail request.
 */
class JooqTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = CompatSandbox.start(200, 10);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aGroupedQueryWithLimitAndOffset() throws Exception {
    Field<String> customer = field(name("virtual_customer"), String.class);
    Field<Integer> sessions = count().as("sessions");
    List<String> expected = sandbox.pathSim().data().sessions().stream()
        .collect(Collectors.groupingBy(Session::virtualCustomer, Collectors.counting()))
        .entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .skip(2).limit(3).map(e -> e.getKey() + "=" + e.getValue()).toList();
    assertThat(expected).hasSize(3);
    sandbox.requests().clear();
    try (LogWatch log = LogWatch.start(); Connection c = DriverManager.getConnection(CompatSandbox.url(sandbox))) {
      DSLContext sql = DSL.using(c, SQLDialect.DEFAULT);
      List<Record2<String, Integer>> page = sql.select(customer, sessions)
          .from(table(name("pathsim", "sessions")))
          .groupBy(customer)
          .orderBy(DSL.field(name("sessions")).desc(), customer.asc())
          .limit(3).offset(2)
          .fetch();
      assertThat(page).map(r -> r.value1() + "=" + r.value2()).containsExactlyElementsOf(expected);
      assertThat(log.lines(Level.SEVERE)).isEmpty();
    }
    assertThat(CompatSandbox.byEndpoint(sandbox.requests().all()))
        .containsOnlyKeys("pathsim GET /workspaces", "pathsim GET /workspaces/{id}/sessions");
  }
}
