package io.convosql.examples;

import java.util.List;
import java.util.Locale;

/**
 * A grid as inline SVG: one row per name, one column per x label, each cell shaded by a value from 0
 * to 100 (red to green) and labelled with a short text; an empty cell where there is no value. Each
 * cell carries a tooltip with its exact figures. Readable where a line per name would tangle.
 */
final class SvgHeatmap {
  private static final int LABEL_WIDTH = 220;
  private static final int CELL = 36;
  private static final int TOP = 24;

  /** One cell: its value from 0 to 100, the text shown in it and its tooltip. */
  record Cell(double value, String text, String tooltip) {}

  private SvgHeatmap() {}

  /** @param cells per row, per column: the cell, or null for no value */
  static String render(String title, List<String> rowNames, List<String> xLabels, List<List<Cell>> cells) {
    int width = LABEL_WIDTH + CELL * xLabels.size() + 10;
    int height = TOP + CELL * rowNames.size() + 10;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", width, height,
        width, height, Html.escape(title)));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    for (int c = 0; c < xLabels.size(); c++) {
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\""
          + " fill=\"#555\">%s</text>%n", LABEL_WIDTH + CELL * c + CELL / 2, TOP - 8, Html.escape(xLabels.get(c))));
    }
    for (int r = 0; r < rowNames.size(); r++) {
      int y = TOP + CELL * r;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>%n",
          LABEL_WIDTH - 8, y + CELL / 2 + 4, Html.escape(rowNames.get(r))));
      for (int c = 0; c < xLabels.size(); c++) {
        Cell cell = cells.get(r).get(c);
        int x = LABEL_WIDTH + CELL * c;
        if (cell == null) {
          b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3f3f3\""
              + " stroke=\"#fff\"/>%n", x, y, CELL, CELL));
          continue;
        }
        b.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
            + " fill=\"%s\" stroke=\"#fff\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\""
            + " fill=\"#111\">%s</text></g>%n", Html.escape(cell.tooltip()), x, y, CELL, CELL, colour(cell.value()),
            x + CELL / 2, y + CELL / 2 + 4, Html.escape(cell.text())));
      }
    }
    return b.append("</svg>\n").toString();
  }

  /** Red at 0, yellow at 50, green at 100, light enough for dark text. */
  static String colour(double value) {
    double v = Math.max(0, Math.min(100, value)) / 100;
    double hue = 120 * v;
    return String.format(Locale.ROOT, "hsl(%.0f,65%%,72%%)", hue);
  }
}
