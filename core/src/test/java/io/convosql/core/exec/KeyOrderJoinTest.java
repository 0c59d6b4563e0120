package io.convosql.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.EnumerableDefaults;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.JoinType;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Function2;
import org.apache.calcite.linq4j.function.Predicate2;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyOrderJoin} answers what Calcite's batch join answers, in the same order, for every join
 * type, with repeated and NULL keys, keys without rows and short last batches; and it reads the inner
 * side only for the rows taken, and one more.
 */
class KeyOrderJoinTest {
  private static final List<JoinType> TYPES = List.of(JoinType.INNER, JoinType.LEFT, JoinType.SEMI, JoinType.ANTI);

  /** An outer row: its key, and its position, so that the answer shows which outer row it is. */
  private record Outer(Integer key, int position) {}

  /** The inner rows of each key: the key and a value. */
  private static Map<Integer, List<Object[]>> table(Random random, int keys) {
    Map<Integer, List<Object[]>> rows = new TreeMap<>();
    for (int k = 0; k < keys; k++) {
      int n = random.nextInt(4); // 0 to 3 rows a key
      List<Object[]> of = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        of.add(new Object[] {k, k + "-" + i});
      }
      rows.put(k, of);
    }
    return rows;
  }

  /** An inner side that answers a batch's keys in their order, counting the rows it was read for. */
  private static Function1<List<Outer>, Enumerable<Object[]>> inner(Map<Integer, List<Object[]>> table,
      AtomicInteger pulled) {
    return batch -> {
      LinkedHashSet<Integer> keys = new LinkedHashSet<>();
      batch.forEach(o -> {
        if (o.key() != null) {
          keys.add(o.key());
        }
      });
      List<Object[]> rows = new ArrayList<>();
      keys.forEach(k -> rows.addAll(table.getOrDefault(k, List.of())));
      return new AbstractEnumerable<>() {
        @Override
        public Enumerator<Object[]> enumerator() {
          Enumerator<Object[]> e = Linq4j.enumerator(rows);
          return new Enumerator<>() {
            @Override
            public Object[] current() {
              return e.current();
            }

            @Override
            public boolean moveNext() {
              boolean more = e.moveNext();
              if (more) {
                pulled.incrementAndGet();
              }
              return more;
            }

            @Override
            public void reset() {
              e.reset();
            }

            @Override
            public void close() {
              e.close();
            }
          };
        }
      };
    };
  }

  private static final Predicate2<Outer, Object[]> SAME_KEY =
      (o, r) -> o.key() != null && Objects.equals(o.key(), r[0]);
  private static final Function2<Outer, Object[], String> SHOWN =
      (o, r) -> o.position() + ":" + o.key() + "=" + (r == null ? "null" : Arrays.toString(r));

  private static List<String> all(Enumerable<String> rows) {
    List<String> out = new ArrayList<>();
    try (Enumerator<String> e = rows.enumerator()) {
      while (e.moveNext()) {
        out.add(e.current());
      }
    }
    return out;
  }

  @Test
  void answersWhatCalcitesBatchJoinAnswersInItsOrder() {
    Random random = new Random(42);
    for (int trial = 0; trial < 400; trial++) {
      int keys = 1 + random.nextInt(12);
      Map<Integer, List<Object[]>> table = table(random, keys);
      List<Outer> outer = new ArrayList<>();
      int n = random.nextInt(25);
      for (int i = 0; i < n; i++) {
        // keys past the table have no rows; some are NULL; many repeat
        outer.add(new Outer(random.nextInt(8) == 0 ? null : random.nextInt(keys + 3), i));
      }
      int batchSize = 1 + random.nextInt(8);
      for (JoinType type : TYPES) {
        AtomicInteger ignored = new AtomicInteger();
        List<String> calcite = all(EnumerableDefaults.correlateBatchJoin(type, Linq4j.asEnumerable(outer),
            inner(table, ignored), SHOWN, SAME_KEY, batchSize));
        List<String> ours = all(KeyOrderJoin.join(type, Linq4j.asEnumerable(outer), inner(table, ignored),
            SHOWN, SAME_KEY, batchSize, batchSize));
        List<String> growing = all(KeyOrderJoin.join(type, Linq4j.asEnumerable(outer), inner(table, ignored),
            SHOWN, SAME_KEY, batchSize, 1));
        assertThat(ours).as("trial %d, %s, batches of %d over %s", trial, type, batchSize, outer)
            .isEqualTo(calcite);
        assertThat(growing).as("trial %d, %s, batches of 1 to %d over %s", trial, type, batchSize, outer)
            .isEqualTo(calcite);
      }
    }
  }

  @Test
  void readsTheInnerSideOnlyForTheRowsTakenAndOneMore() {
    Map<Integer, List<Object[]>> table = new TreeMap<>();
    for (int k = 0; k < 100; k++) {
      table.put(k, k % 3 == 1 ? List.of() : List.<Object[]>of(new Object[] {k, "a"}, new Object[] {k, "b"}));
    }
    List<Outer> outer = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      outer.add(new Outer(i, i));
    }
    // INNER: keys 0 and 2 hold the first four rows (key 1 none), key 3 the fifth: five inner rows read;
    // LEFT: key 1's row of NULLs is the third, so the fifth is key 2's second: four read
    for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT)) {
      AtomicInteger pulled = new AtomicInteger();
      List<String> taken = new ArrayList<>();
      try (Enumerator<String> e = KeyOrderJoin.join(type, Linq4j.asEnumerable(outer), inner(table, pulled),
          SHOWN, SAME_KEY, 100, 100).enumerator()) {
        while (taken.size() < 5 && e.moveNext()) {
          taken.add(e.current());
        }
      }
      assertThat(taken).as("%s", type).startsWith("0:0=[0, a]", "0:0=[0, b]");
      assertThat(pulled.get()).as("%s", type).isEqualTo(type == JoinType.INNER ? 5 : 4);
    }
    // Calcite's reads every inner row of the batch before it leaves the first outer row
    AtomicInteger pulled = new AtomicInteger();
    try (Enumerator<String> e = EnumerableDefaults.correlateBatchJoin(JoinType.INNER, Linq4j.asEnumerable(outer),
        inner(table, pulled), SHOWN, SAME_KEY, 100).enumerator()) {
      for (int i = 0; i < 5; i++) {
        e.moveNext();
      }
    }
    assertThat(pulled.get()).isEqualTo(134);
  }

  @Test
  void batchesThatGrowFromOneReadTheOuterSideAboutAsFarAsTheRowsTaken() {
    Map<Integer, List<Object[]>> table = new TreeMap<>();
    for (int k = 0; k < 100; k++) {
      table.put(k, List.<Object[]>of(new Object[] {k, "a"}, new Object[] {k, "b"}));
    }
    AtomicInteger outerRead = new AtomicInteger();
    List<Outer> outer = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      outer.add(new Outer(i, i));
    }
    Enumerable<Outer> counted = Linq4j.asEnumerable(outer).select(o -> {
      outerRead.incrementAndGet();
      return o;
    });
    List<Integer> keysPerBatch = new ArrayList<>();
    Function1<List<Outer>, Enumerable<Object[]>> inner = batch -> {
      keysPerBatch.add((int) batch.stream().distinct().count());
      return inner(table, new AtomicInteger()).apply(batch);
    };
    List<String> taken = new ArrayList<>();
    try (Enumerator<String> e = KeyOrderJoin.join(JoinType.INNER, counted, inner, SHOWN, SAME_KEY, 100, 1)
        .enumerator()) {
      while (taken.size() < 5 && e.moveNext()) {
        taken.add(e.current());
      }
    }
    // a batch of key 0 (two rows), then of keys 1 and 2 (the other three)
    assertThat(taken).containsExactly("0:0=[0, a]", "0:0=[0, b]", "1:1=[1, a]", "1:1=[1, b]", "2:2=[2, a]");
    assertThat(keysPerBatch).containsExactly(1, 2);
    assertThat(outerRead.get()).isEqualTo(3);
  }

  @Test
  void aKeyWhoseRowsEndTheInnerSideEndsWithIt() {
    Map<Integer, List<Object[]>> table = Map.of(7, List.<Object[]>of(new Object[] {7, "x"}));
    List<Outer> outer = List.of(new Outer(7, 0), new Outer(null, 1), new Outer(7, 2));
    AtomicInteger pulled = new AtomicInteger();
    assertThat(all(KeyOrderJoin.join(JoinType.LEFT, Linq4j.asEnumerable(outer), inner(table, pulled), SHOWN,
        SAME_KEY, 100, 100))).containsExactly("0:7=[7, x]", "1:null=null", "2:7=[7, x]");
    assertThat(pulled.get()).isEqualTo(1);
  }
}
