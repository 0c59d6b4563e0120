package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.driver.metadata.PrecompiledMetadataHandlers;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metadata handlers compiled with the driver answer, on every node of our queries' plans, what
 * Calcite's Janino-generated handlers answer, and the planner uses them, not Janino's.
 */
class PrecompiledMetadataTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, started_at FROM pathsim.sessions LIMIT 1",
      "SELECT id, started_at, test_type FROM pathsim.sessions WHERE test_type = 'Voice'"
          + " AND started_at >= TIMESTAMP '2025-01-01 00:00:00' ORDER BY started_at DESC LIMIT 10",
      "SELECT agent_name, COUNT(*) AS n FROM insights.sessions"
          + " WHERE session_start_time >= TIMESTAMP '2025-01-01 00:00:00' GROUP BY agent_name",
      "SELECT p.id, i.id FROM pathsim.sessions p JOIN insights.sessions i ON i.destination = p.target"
          + " WHERE p.started_at >= TIMESTAMP '2025-01-01 00:00:00'",
      "SELECT id FROM pathsim.sessions p WHERE EXISTS (SELECT 1 FROM insights.sessions i"
          + " WHERE i.destination = p.target) UNION SELECT id FROM insights.sessions"})
  void everyPlanNodeHasJaninosMetadata(String sql) throws Exception {
    List<RelNode> plans = new ArrayList<>();
    try (Connection c = new ConvoSqlDriver().connect(ConvoSqlDriver.PREFIX, Warmup.privateConnection());
        Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(
            (Consumer<RelRoot>) root -> plans.add(root.rel));
        PreparedStatement ignored = c.prepareStatement(sql)) {
      assertThat(plans).as("plans of %s", sql).hasSize(1);
      RelNode plan = plans.get(0);
      RelMetadataQuery ours = plan.getCluster().getMetadataQuery();
      RelMetadataQuery janinos = new RelMetadataQuery(JaninoRelMetadataProvider.DEFAULT);

      List<RelNode> nodes = new ArrayList<>();
      collect(plan, nodes);
      for (RelNode node : nodes) {
        assertThat(metadata(ours, node)).as("metadata of %s in %s", node, sql)
            .isEqualTo(metadata(janinos, node));
      }
      assertThat(handlerClasses(ours)).as("handlers the planner's metadata query used")
          .isNotEmpty()
          .allSatisfy(name -> assertThat(name).startsWith("io.convosql.driver.metadata."));
    }
  }

  private static void collect(RelNode node, List<RelNode> into) {
    into.add(node);
    node.getInputs().forEach(input -> collect(input, into));
  }

  /** Each kind of metadata of one node, as text (costs compare by their text). */
  private static Map<String, String> metadata(RelMetadataQuery mq, RelNode node) {
    ImmutableBitSet first = ImmutableBitSet.of(0);
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rowCount", String.valueOf(mq.getRowCount(node)));
    m.put("maxRowCount", String.valueOf(mq.getMaxRowCount(node)));
    m.put("minRowCount", String.valueOf(mq.getMinRowCount(node)));
    m.put("cumulativeCost", String.valueOf(mq.getCumulativeCost(node)));
    m.put("nonCumulativeCost", String.valueOf(mq.getNonCumulativeCost(node)));
    m.put("collations", String.valueOf(mq.collations(node)));
    m.put("distribution", String.valueOf(mq.distribution(node)));
    m.put("uniqueKeys", String.valueOf(mq.getUniqueKeys(node)));
    m.put("columnsUnique", String.valueOf(mq.areColumnsUnique(node, first)));
    m.put("distinctRowCount", String.valueOf(mq.getDistinctRowCount(node, first, null)));
    m.put("predicates", String.valueOf(mq.getPulledUpPredicates(node)));
    m.put("columnOrigins", String.valueOf(mq.getColumnOrigins(node, 0)));
    m.put("selectivity", String.valueOf(mq.getSelectivity(node, null)));
    m.put("averageRowSize", String.valueOf(mq.getAverageRowSize(node)));
    m.put("percentageOriginalRows", String.valueOf(mq.getPercentageOriginalRows(node)));
    m.put("populationSize", String.valueOf(mq.getPopulationSize(node, first)));
    m.put("nodeTypes", String.valueOf(mq.getNodeTypes(node)));
    m.put("tableReferences", String.valueOf(mq.getTableReferences(node)));
    m.put("visibleInExplain", String.valueOf(mq.isVisibleInExplain(node,
        org.apache.calcite.sql.SqlExplainLevel.EXPPLAN_ATTRIBUTES)));
    m.put("memory", String.valueOf(mq.memory(node)));
    m.put("splitCount", String.valueOf(mq.splitCount(node)));
    return m;
  }

  @Test
  void aNewMetadataQueryHoldsEveryCompiledHandlerFromTheStart() throws Exception {
    // Calcite's stand-ins are proxies, a proxy class per kind of metadata made on a JVM's first
    // planning; ours are the compiled handlers themselves
    RelMetadataQuery mq = new RelMetadataQuery(PrecompiledMetadataHandlers.INSTANCE);
    List<Class<?>> held = new ArrayList<>();
    for (Field f : RelMetadataQuery.class.getDeclaredFields()) {
      if (MetadataHandler.class.isAssignableFrom(f.getType())) {
        f.setAccessible(true);
        held.add(f.get(mq).getClass());
      }
    }
    assertThat(held).hasSizeGreaterThanOrEqualTo(20)
        .allSatisfy(c -> assertThat(c.getName()).startsWith("io.convosql.driver.metadata.GeneratedMetadata_"));
  }

  /** The classes of the handlers a metadata query holds (Calcite keeps them in private fields). */
  private static List<String> handlerClasses(RelMetadataQuery mq) throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field f : RelMetadataQuery.class.getDeclaredFields()) {
      if (MetadataHandler.class.isAssignableFrom(f.getType())) {
        f.setAccessible(true);
        Object handler = f.get(mq);
        if (handler != null && !java.lang.reflect.Proxy.isProxyClass(handler.getClass())) {
          names.add(handler.getClass().getName());
        }
      }
    }
    return names;
  }
}
