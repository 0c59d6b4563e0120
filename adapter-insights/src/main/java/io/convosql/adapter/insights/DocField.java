package io.convosql.adapter.insights;

import java.util.Objects;

/**
 * The document field that a filter on a column searches, and how: {@code term} for exact values,
 * {@code match} for {@code matches()} (the API refuses match on its ID fields), and whether the field
 * holds one value per session, so that {@code must_not} on it excludes exactly the sessions whose
 * value is equal.
 */
record DocField(String path, boolean term, boolean match, boolean scalar) {
  /** For a column whose filter another column's clause already carries (nothing is sent for it). */
  static final DocField IMPLIED = new DocField("", false, false, false);

  DocField {
    Objects.requireNonNull(path, "path");
  }

  /** An ID field of the session: term only. */
  static DocField id(String path) {
    return new DocField(path, true, false, true);
  }

  /** A session field that both term and match can search. */
  static DocField text(String path) {
    return new DocField(path, true, true, true);
  }

  /** A field of the elements of one of the document's lists: term only, never must_not. */
  static DocField element(String path) {
    return new DocField(path, true, false, false);
  }

  /** A free-text field of list elements: term and match, never must_not. */
  static DocField elementText(String path) {
    return new DocField(path, true, true, false);
  }

  /** A field only match can search (transcript turns, whose keys are the speakers). */
  static DocField matchOnly(String path) {
    return new DocField(path, false, true, false);
  }
}
