package io.convosql.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A line chart as inline SVG, with no script and nothing fetched: one line per series over the same
 * labelled x positions (a missing value breaks the line), a y axis from 0 with five gridlines, and a
 * legend. Each point carries a tooltip with its exact value.
 */
final class SvgLineChart {
  /** Colours that stay apart for most readers (Tableau 10). */
  private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  private static final int WIDTH = 800;
  private static final int PLOT_LEFT = 60;
  private static final int PLOT_RIGHT = 520;
  private static final int PLOT_TOP = 20;
  private static final int PLOT_BOTTOM = 260;
  private static final int LEGEND_LEFT = 540;

  /** One line: its name and a value (or null) per x label. */
  record Series(String name, List<Double> values) {
    Series {
      Objects.requireNonNull(name, "name");
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  private SvgLineChart() {}

  /**
   * @param title what the chart shows, for screen readers
   * @param yMax the top of the y axis, or 0 to fit the data
   * @param format how values are written on the axis and in tooltips
   */
  static String render(String title, List<String> xLabels, List<Series> series, double yMax,
      DoubleFunction<String> format) {
    double top = yMax > 0 ? yMax : niceCeiling(series.stream().flatMap(s -> s.values().stream())
        .filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1));
    int height = Math.max(PLOT_BOTTOM + 50, PLOT_TOP + 20 * series.size() + 20);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
        + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, height, WIDTH, height,
        Html.escape(title)));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    for (int i = 0; i <= 4; i++) {
      double v = top * i / 4;
      double y = y(v, top);
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">%s</text>%n",
          PLOT_LEFT, y, PLOT_RIGHT, y, i == 0 ? "#888" : "#e5e5e5", PLOT_LEFT - 6, y + 4,
          Html.escape(format.apply(v))));
    }
    int step = Math.max(1, (int) Math.ceil(xLabels.size() / 8.0));
    for (int i = 0; i < xLabels.size(); i += step) {
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\""
          + " fill=\"#555\">%s</text>%n", x(i, xLabels.size()), PLOT_BOTTOM + 18, Html.escape(xLabels.get(i))));
    }
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < xLabels.size(); i++) {
        Double v = i < line.values().size() ? line.values().get(i) : null;
        if (v == null) {
          polyline(b, points, colour);
          continue;
        }
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, xLabels.size()), y(v, top)));
        b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\">"
            + "<title>%s, %s: %s</title></circle>%n", x(i, xLabels.size()), y(v, top), colour,
            Html.escape(line.name()), Html.escape(xLabels.get(i)), Html.escape(format.apply(v))));
      }
      polyline(b, points, colour);
      int ly = PLOT_TOP + 20 * s;
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n", LEGEND_LEFT, ly, colour,
          LEGEND_LEFT + 18, ly + 11, Html.escape(line.name())));
    }
    return b.append("</svg>\n").toString();
  }

  private static void polyline(StringBuilder b, StringBuilder points, String colour) {
    if (points.length() > 0) {
      b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
          .append(points.toString().strip()).append("\"/>\n");
      points.setLength(0);
    }
  }

  private static double x(int i, int count) {
    return count <= 1 ? (PLOT_LEFT + PLOT_RIGHT) / 2.0
        : PLOT_LEFT + 10 + (PLOT_RIGHT - PLOT_LEFT - 20) * (double) i / (count - 1);
  }

  private static double y(double v, double top) {
    return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * v / top;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= v) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
