package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;

/** One query component of {@code filter_by}: an exact {@code term} or a full-text {@code match}. */
sealed interface Clause permits Clause.Term, Clause.Match {

  boolean matches(StoredSession session);

  /**
   * Exact comparison of a scalar's text (numbers and booleans by their JSON text, case-sensitive); on
   * arrays it matches when any element equals. A missing field matches nothing.
   */
  record Term(String field, String value) implements Clause {
    public Term {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean matches(StoredSession session) {
      for (JsonNode candidate : FieldValues.forFilter(session.document(), field)) {
        if (candidate.asText().equals(value)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Full-text search: matches when any word of the query is a word of the field (ElasticSearch's
   * default OR). On the document's ID fields it matches nothing, as the document warns.
   */
  record Match(String field, Set<String> words) implements Clause {
    public Match {
      Objects.requireNonNull(field, "field");
      words = Set.copyOf(words);
    }

    @Override
    public boolean matches(StoredSession session) {
      if (words.isEmpty() || IdFields.contains(field)) {
        return false;
      }
      Set<String> present = session.words(field);
      for (String word : words) {
        if (present.contains(word)) {
          return true;
        }
      }
      return false;
    }
  }
}
