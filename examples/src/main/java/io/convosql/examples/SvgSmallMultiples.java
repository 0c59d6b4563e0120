package io.convosql.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Small multiples as inline SVG, with no script and nothing fetched: one small line chart per series,
 * in a grid, all on the same y scale from 0, so that each line is read on its own and the panels
 * compare at a glance. Each panel is titled with its series' name and given mean, marks its highest point
 * with its value, and breaks its line where a value is missing; every point has a tooltip.
 */
final class SvgSmallMultiples {
  private static final int COLUMNS = 3;
  private static final int PANEL_WIDTH = 270;
  private static final int PANEL_HEIGHT = 120;
  private static final int PAD_LEFT = 8;
  private static final int PLOT_TOP = 34;
  private static final int PLOT_BOTTOM = 100;
  private static final int PLOT_RIGHT = 230;
  private static final String LINE = "#4e79a7";
  private static final String PEAK = "#e15759";

  /** One panel: its name, a value (or null) per x label, and the mean shown in its title. */
  record Series(String name, List<Double> values, double mean) {
    Series {
      Objects.requireNonNull(name, "name");
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  private SvgSmallMultiples() {}

  /**
   * @param title what the chart shows, for screen readers
   * @param format how values are written in titles, labels and tooltips
   */
  static String render(String title, List<String> xLabels, List<Series> series, DoubleFunction<String> format) {
    double top = niceCeiling(series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).max().orElse(1));
    int rows = (series.size() + COLUMNS - 1) / COLUMNS;
    int width = PANEL_WIDTH * COLUMNS;
    int height = PANEL_HEIGHT * rows + 24;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n", width, height,
        width, height, Html.escape(title)));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    for (int i = 0; i < series.size(); i++) {
      panel(b, series.get(i), xLabels, top, format, PANEL_WIDTH * (i % COLUMNS), PANEL_HEIGHT * (i / COLUMNS));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">every panel:"
        + " %s to %s, from 0 to %s</text>%n", PAD_LEFT, height - 8, Html.escape(xLabels.get(0)),
        Html.escape(xLabels.get(xLabels.size() - 1)), Html.escape(format.apply(top))));
    return b.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder b, Series s, List<String> xLabels, double top,
      DoubleFunction<String> format, int left, int offset) {
    b.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,%d)\">%n", left, offset));
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-size=\"12\" font-weight=\"600\">%s</text>"
        + "<text x=\"%d\" y=\"28\" font-size=\"11\" fill=\"#555\">mean %s</text>%n", PAD_LEFT,
        Html.escape(s.name()), PAD_LEFT, Html.escape(format.apply(s.mean()))));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e5e5\"/>%n", PAD_LEFT, PLOT_BOTTOM,
        PLOT_RIGHT, PLOT_BOTTOM, PAD_LEFT, PLOT_TOP, PLOT_RIGHT, PLOT_TOP));
    int peak = -1;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xLabels.size(); i++) {
      Double v = i < s.values().size() ? s.values().get(i) : null;
      if (v == null) {
        polyline(b, points);
        continue;
      }
      if (peak < 0 || v > s.values().get(peak)) {
        peak = i;
      }
      double x = x(i, xLabels.size());
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(v, top)));
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"><title>%s, %s:"
          + " %s</title></circle>%n", x, y(v, top), LINE, Html.escape(s.name()), Html.escape(xLabels.get(i)),
          Html.escape(format.apply(v))));
    }
    polyline(b, points);
    if (peak >= 0) {
      double x = x(peak, xLabels.size());
      double y = y(s.values().get(peak), top);
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>"
          + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%s</text>%n", x, y, PEAK,
          Math.min(x + 5, PLOT_RIGHT - 4.0), Math.max(y - 5, PLOT_TOP - 2.0), PEAK,
          Html.escape(format.apply(s.values().get(peak)))));
    }
    b.append("</g>\n");
  }

  private static void polyline(StringBuilder b, StringBuilder points) {
    if (points.length() > 0) {
      b.append("<polyline fill=\"none\" stroke=\"").append(LINE).append("\" stroke-width=\"1.5\" points=\"")
          .append(points.toString().strip()).append("\"/>\n");
      points.setLength(0);
    }
  }

  private static double x(int i, int count) {
    return count <= 1 ? (PAD_LEFT + PLOT_RIGHT) / 2.0 : PAD_LEFT + (PLOT_RIGHT - PAD_LEFT) * (double) i / (count - 1);
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
