package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code sort_by}: keys applied in order, documents missing a key sorting last in both
 * directions (ElasticSearch's default), ties broken by session id, or left in a shuffled order (as
 * replicas of an index answer, {@link #sort(List, Random)}); a key on a field the document does not
 * define is ignored (with no key left, only the ties' order remains). An array sorts by its smallest
 * element ascending and its largest descending; an object has no sort value.
 */
record SortOrder(List<Key> keys) {
  static final SortOrder DEFAULT = new SortOrder(List.of(new Key("session_start_time", true)));
  /** No key: every hit ties. */
  static final SortOrder NONE = new SortOrder(List.of());

  private static final Pattern ITEM = Pattern.compile("([^.:,\\s]+(?:\\.[^.:,\\s]+)*):(asc|desc)");

  /** One sort key: a dotted document path and its direction. */
  record Key(String path, boolean descending) {}

  SortOrder {
    keys = List.copyOf(keys);
  }

  /** Parses {@code <path>:asc|desc[,...]}; any other item (spaces, upper case, no direction) is invalid. */
  static SortOrder parse(String text) {
    List<Key> keys = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) {
        throw new InvalidRequest("Invalid sort_by item '" + item + "': expected <field>:asc or <field>:desc");
      }
      if (DocumentedFields.contains(m.group(1))) {
        keys.add(new Key(m.group(1), m.group(2).equals("desc")));
      }
    }
    return new SortOrder(keys);
  }

  /**
   * A sorted copy of the sessions: ties by id when {@code shuffle} is null, else in the order it shuffles
   * them into (the sort keeps the order of equal elements).
   */
  List<StoredSession> sort(List<StoredSession> given, Random shuffle) {
    List<StoredSession> sessions = given;
    if (shuffle != null) {
      sessions = new ArrayList<>(given);
      Collections.shuffle(sessions, shuffle);
    }
    int n = sessions.size();
    JsonNode[][] values = new JsonNode[n][];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      values[i] = new JsonNode[keys.size()];
      for (int k = 0; k < keys.size(); k++) {
        values[i][k] = sortValue(sessions.get(i).document(), keys.get(k));
      }
    }
    Comparator<Integer> byKeys = (a, b) -> compareKeys(values[a], values[b]);
    List<StoredSession> in = sessions;
    Arrays.sort(order, shuffle != null ? byKeys : byKeys.thenComparing(i -> in.get(i).id()));
    List<StoredSession> out = new ArrayList<>(n);
    for (Integer i : order) {
      out.add(sessions.get(i));
    }
    return out;
  }

  private int compareKeys(JsonNode[] a, JsonNode[] b) {
    for (int k = 0; k < keys.size(); k++) {
      if (a[k] == null || b[k] == null) {
        if (a[k] != b[k]) {
          return a[k] == null ? 1 : -1;
        }
        continue;
      }
      int c = compareValues(a[k], b[k]);
      if (c != 0) {
        return keys.get(k).descending() ? -c : c;
      }
    }
    return 0;
  }

  private static JsonNode sortValue(JsonNode document, Key key) {
    JsonNode best = null;
    for (JsonNode value : FieldValues.path(document, key.path())) {
      if (best == null) {
        best = value;
      } else {
        int c = compareValues(value, best);
        if (key.descending() ? c > 0 : c < 0) {
          best = value;
        }
      }
    }
    return best;
  }

  private static int compareValues(JsonNode a, JsonNode b) {
    int rank = Integer.compare(rank(a), rank(b));
    if (rank != 0) {
      return rank;
    }
    if (a.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isBoolean()) {
      return Boolean.compare(a.booleanValue(), b.booleanValue());
    }
    return a.asText().compareTo(b.asText());
  }

  private static int rank(JsonNode value) {
    return value.isNumber() ? 0 : value.isBoolean() ? 1 : 2;
  }
}
