package io.convosql.adapter.insights;

import java.util.Objects;

/**
 * The document field that a filter on a column searches, and how: {@code term} for exact values,
 * {@code match} for {@code matches()} (the API refuses match on its ID fields), and whether the field
 * holds one value per session, so that {@code must_not} on it excludes exactly the sessions whose
 * value is equal.
 *
 * <p>A field with {@code match} and no {@code term} is free text that the service may analyse into
 * words, where a term finds nothing: its equalities are sent as {@code match} on their words (a
 * superset under either mapping, checked exactly). A {@code json} field holds objects or lists that
 * a column reads as JSON text, which no term on that text finds.
 */
record DocField(String path, boolean term, boolean match, boolean scalar, boolean json) {
  /** For a column whose filter another column's clause already carries (nothing is sent for it). */
  static final DocField IMPLIED = new DocField("", false, false, false, false);

  DocField {
    Objects.requireNonNull(path, "path");
  }

  /** An ID field of the session, or one the document searches with term by example: term only. */
  static DocField id(String path) {
    return new DocField(path, true, false, true, false);
  }

  /** A session field that both term (as the document's examples send it) and match search. */
  static DocField text(String path) {
    return new DocField(path, true, true, true, false);
  }

  /** A free-text session field outside the document's ID fields: match only. */
  static DocField words(String path) {
    return new DocField(path, false, true, true, false);
  }

  /** A field of the elements of one of the document's lists: term only, never must_not. */
  static DocField element(String path) {
    return new DocField(path, true, false, false, false);
  }

  /**
   * A field of list elements only match searches: free text outside the document's ID fields, or
   * transcript turns (whose keys are the speakers).
   */
  static DocField matchOnly(String path) {
    return new DocField(path, false, true, false, false);
  }

  /** This field, holding objects or lists that read as JSON text. */
  DocField jsonText() {
    return new DocField(path, term, match, scalar, true);
  }
}
