package io.convosql.driver.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver's answers are the documents' answers: random queries over every table run through the
 * driver (with pushdown) and on {@link ReferenceDb}, in-memory tables filled straight from the
 * sandbox's stored Insights documents and PathSim workspaces and sessions by {@link DocumentRows}
 * and {@link PathSimRows}, which share no code with the adapters; they must agree. A mapping that is wrong with and without pushdown, or a field the
 * sandbox reads but the API document does not define, shows here and not in {@link
 * DifferentialTest}. The stored data gets one session of non-Latin text with quotes, whose values
 * the generator then uses as literals. Rerun a failure with {@code -Dconvosql.docdiff.seed=<base>
 * -Dconvosql.docdiff.only=<index>}; {@code -Dconvosql.docdiff.queries=<n>} sets how many run.
 */
class DocumentDifferentialTest {
  static final long DEFAULT_SEED = 20_261_206L;
  static final int DEFAULT_QUERIES = 250; // about 45 s on a 2-core machine
  private static final int SHOWN_FAILURES = 5;
  private static final String NON_LATIN_ID = "0a11ce00-0000-4000-8000-00000000d1ff";

  @Test
  void theDriverAnswersAsTheDocumentsDo() throws Exception {
    long seed = Long.getLong("convosql.docdiff.seed", DEFAULT_SEED);
    int count = Integer.getInteger("convosql.docdiff.queries", DEFAULT_QUERIES);
    Integer only = Integer.getInteger("convosql.docdiff.only");
    long started = System.nanoTime();
    try (DiffEnvironment env = new DiffEnvironment(DifferentialTest.DEFAULT_DATA_SEED, 10,
        DifferentialTest.INSIGHTS_SESSIONS)) {
      addNonLatinSession(env);
      List<JsonNode> documents = new ArrayList<>(env.sandbox.insights().data().documents());
      Catalog catalog = Catalog.read(env.plain);
      env.takeRequests();
      Tally tally = new Tally(catalog);
      QueryGenerator generator = new QueryGenerator(catalog);
      var pathSim = env.sandbox.pathSim().data();
      try (Connection reference = ReferenceDb.open(documents, pathSim.workspaces(), pathSim.sessions(),
          new PathSimRows(env.sandbox.pathSimUrl(), env.sandbox.storageUrl()))) {
        env.takeRequests(); // the reference's downloads of the recordings
        String nonLatin = "SELECT id FROM insights.sessions WHERE agent_name = 'מוקד \"שירות\" 中文 😀'";
        assertThat(Outcome.run(env.pushed, nonLatin, List.of(), env::takeRequests).rows()).containsExactlyElementsOf(
            Outcome.run(reference, nonLatin, List.of(), () -> 0).rows()).containsExactly(NON_LATIN_ID);
        for (int i = 0; i < count; i++) {
          if (only != null && only != i) {
            continue;
          }
          long querySeed = DifferentialTest.querySeed(seed, i);
          GeneratedQuery q = generator.generate(querySeed);
          Outcome driver = labels(Outcome.run(env.pushed, q.sql(), q.params(), env::takeRequests));
          Outcome expected = labels(Outcome.run(reference, q.sql(), q.params(), () -> 0));
          String problem = Comparison.problem(q, driver, expected,
              () -> labels(Outcome.run(reference, q.unlimited(), q.params(), () -> 0)));
          String failure = problem == null || driver.failed() && expected.failed() ? null
              : "MISMATCH: base seed " + seed + ", query " + i + " (rerun with -Dconvosql.docdiff.seed=" + seed
                  + " -Dconvosql.docdiff.only=" + i + ")\n  " + q.describe() + "\n  check: " + q.check() + "; "
                  + problem + "\n  driver: " + driver.show(8) + "\n  documents: " + expected.show(8) + "\n";
          tally.add(i, q, driver, expected, failure);
          if (failure != null && tally.failures().size() <= SHOWN_FAILURES) {
            System.out.println(failure);
          }
        }
      }
      System.out.printf("Document differential: base seed %d, %d queries, %d s:%n%s%n", seed, count, (System.nanoTime() - started) / 1_000_000_000L, tally.summary());
      List<String> failures = tally.failures();
      assertThat(failures).as("%d of %d queries answered otherwise than the documents; the first:%n%s",
          failures.size(), tally.run, String.join("\n", failures.subList(0,
              Math.min(SHOWN_FAILURES, failures.size())))).isEmpty();
      if (only == null) {
        assertThat(tally.tables).as("tables queried").hasSize(catalog.tables.size());
        assertThat(tally.features.keySet()).as("features covered").contains("eq", "ne", "between", "in",
            "not-in", "like-escape", "is-null", "or", "not", "matches", "order-by", "limit", "offset", "join",
            "prepared", "aggregate", "speaker-matches");
      }
    }
  }

  /** Column labels only: the two connections name types alike but not always in the same words. */
  private static Outcome labels(Outcome o) {
    List<String> header = o.header().stream().map(h -> h.substring(0, h.lastIndexOf(':'))).toList();
    return new Outcome(header, o.rows(), o.error(), o.nanos(), o.requests());
  }

  /** A stored session whose agent and turns speak Hebrew, Chinese and emoji, with quotes. */
  private static void addNonLatinSession(DiffEnvironment env) {
    ObjectNode doc = env.sandbox.insights().data().documents().get(0).deepCopy();
    String start = doc.get("session_start_time").asText();
    doc.put("id", NON_LATIN_ID).put("session_start_time", start.substring(0, 17) + "59.123456");
    ((ObjectNode) doc.get("agent_information")).put("name", "מוקד \"שירות\" 中文 😀");
    String agent = doc.get("agent_information").get("id").asText();
    var turns = doc.putArray("transcription");
    turns.addObject().put("user", "שלום, it's 退款 😀");
    turns.addObject().put(agent, "בסדר 好的 'yes'");
    env.sandbox.insights().data().add(doc);
  }
}
