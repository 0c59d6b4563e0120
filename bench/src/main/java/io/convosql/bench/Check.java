package io.convosql.bench;

import java.util.ArrayList;
import java.util.List;

/** How the driver's answer must agree with the hand-written client's. */
enum Check {
  /** The same rows in any order. */
  SAME_ROWS,
  /** The same rows, and the same sequence of values in the sort column (ties may come in any order). */
  SAME_ORDER,
  /** As many rows: a LIMIT without ORDER BY may return any rows that qualify. */
  SAME_COUNT;

  /** Null when they agree, else what differs. */
  String differences(List<String> driver, List<String> hand, int sortColumn) {
    if (driver.size() != hand.size()) {
      return "the driver returned " + driver.size() + " rows, the hand-written client " + hand.size()
          + sample(driver, hand);
    }
    if (this == SAME_COUNT) {
      return null;
    }
    List<String> a = new ArrayList<>(driver);
    List<String> b = new ArrayList<>(hand);
    a.sort(null);
    b.sort(null);
    if (!a.equals(b)) {
      return "the rows differ" + sample(a, b);
    }
    if (this == SAME_ORDER) {
      List<String> ka = driver.stream().map(r -> r.split(" \\| ", -1)[sortColumn]).toList();
      List<String> kb = hand.stream().map(r -> r.split(" \\| ", -1)[sortColumn]).toList();
      if (!ka.equals(kb)) {
        return "the order differs: driver " + ka + ", hand-written " + kb;
      }
    }
    return null;
  }

  private static String sample(List<String> a, List<String> b) {
    List<String> onlyA = new ArrayList<>(a);
    onlyA.removeAll(b);
    List<String> onlyB = new ArrayList<>(b);
    onlyB.removeAll(a);
    return "; only from the driver: " + onlyA.stream().limit(3).toList()
        + "; only from the hand-written client: " + onlyB.stream().limit(3).toList();
  }
}
