package io.convosql.examples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's page: a grid of passed tests by customer and day, small multiples of each customer's
 * average latency by day, a summary per virtual customer, the figures by day and the SQL.
 */
final class ReportPage {
  private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;"
      + "max-width:860px;color:#222}table{border-collapse:collapse;margin:1em 0}th,td{padding:3px 10px;"
      + "border-bottom:1px solid #ddd}th{text-align:left}td.n{text-align:right;font-variant-numeric:"
      + "tabular-nums}pre{background:#f6f6f6;padding:1em;overflow:auto}svg{max-width:100%;height:auto}"
      + ".muted{color:#666}";

  private ReportPage() {}

  static String render(LocalDate first, LocalDate last, List<DayStats> stats, String sql) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
    Map<String, Map<LocalDate, DayStats>> byCustomer = new TreeMap<>();
    for (DayStats s : stats) {
      byCustomer.computeIfAbsent(s.customer(), k -> new TreeMap<>()).put(s.day(), s);
    }
    Map<String, DayStats> totals = new LinkedHashMap<>();
    byCustomer.forEach((customer, perDay) -> totals.put(customer, perDay.values().stream()
        .reduce(DayStats::plus).orElseThrow()));
    long tests = totals.values().stream().mapToLong(DayStats::tests).sum();

    List<String> labels = days.stream().map(d -> d.toString().substring(5)).toList();
    List<List<SvgHeatmap.Cell>> passRates = new ArrayList<>();
    List<SvgSmallMultiples.Series> latencies = new ArrayList<>();
    byCustomer.forEach((customer, perDay) -> {
      List<SvgHeatmap.Cell> rate = new ArrayList<>();
      List<Double> latency = new ArrayList<>();
      for (LocalDate d : days) {
        DayStats s = perDay.get(d);
        rate.add(s == null ? null : new SvgHeatmap.Cell(s.passRate(), s.passed() + "/" + s.tests(),
            customer + ", " + d + ": " + s.passed() + " of " + s.tests() + " passed (" + percent(s.passRate()) + ")"));
        latency.add(s == null ? null : s.latencyMs());
      }
      passRates.add(rate);
      if (latency.stream().anyMatch(v -> v != null)) {
        latencies.add(new SvgSmallMultiples.Series(customer, latency, totals.get(customer).latencyMs()));
      }
    });

    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>PathSim tests by virtual customer, ").append(first).append(" to ").append(last)
        .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>PathSim tests by virtual customer</h1>\n<p>").append(first).append(" to ").append(last)
        .append(" (UTC): ").append(String.format(Locale.ROOT, "%,d", tests)).append(" tests of ")
        .append(totals.size()).append(" virtual customers. A test passes when PathSim reports it"
            + " successful (<code>test_successful</code>); latency is the far-end average of each voice"
            + " test that measured one (<code>latency_avg_ms</code>).</p>\n");
    b.append("<h2>Passed tests by day</h2>\n<p class=\"muted\">Passed of run, each cell shaded from red"
        + " (none passed) to green (all passed); grey: no test that day.</p>\n")
        .append(SvgHeatmap.render("Passed tests by day and virtual customer", new ArrayList<>(byCustomer.keySet()),
            labels, passRates));
    latencies.sort(Comparator.comparingDouble(SvgSmallMultiples.Series::mean).reversed());
    b.append("<h2>Average latency by day</h2>\n");
    b.append(latencies.isEmpty() ? "<p class=\"muted\">No test measured a latency.</p>\n"
        : "<p class=\"muted\">One panel per virtual customer with voice tests, the highest mean first, all on"
            + " the same scale; the red dot marks each one's slowest day.</p>\n"
            + SvgSmallMultiples.render("Average far-end latency in ms by day, one panel per virtual customer",
                labels, latencies, ReportPage::millis));
    b.append("<h2>Summary</h2>\n<table>\n<tr><th>virtual customer</th><th>tests</th><th>passed</th>"
        + "<th>pass rate</th><th>avg latency</th></tr>\n");
    totals.forEach((customer, t) -> b.append(row(customer, t)));
    b.append("</table>\n<h2>By day</h2>\n<details><summary>").append(stats.size())
        .append(" rows</summary>\n<table>\n<tr><th>virtual customer</th><th>day</th><th>tests</th>"
            + "<th>passed</th><th>pass rate</th><th>avg latency</th></tr>\n");
    byCustomer.forEach((customer, perDay) -> perDay.forEach((day, s) -> b.append(dayRow(s))));
    b.append("</table>\n</details>\n<h2>The query</h2>\n<p>Run through the convosql JDBC driver with the"
        + " first and last day as parameters:</p>\n<pre>").append(Html.escape(sql)).append("</pre>\n")
        .append("</body>\n</html>\n");
    return b.toString();
  }

  /** A summary row: {@code <tr><td>name</td><td class="n">tests</td>…</tr>}. */
  static String row(String customer, DayStats s) {
    return "<tr><td>" + Html.escape(customer) + "</td>" + figures(s) + "</tr>\n";
  }

  static String dayRow(DayStats s) {
    return "<tr><td>" + Html.escape(s.customer()) + "</td><td>" + s.day() + "</td>" + figures(s) + "</tr>\n";
  }

  private static String figures(DayStats s) {
    Double latency = s.latencyMs();
    return "<td class=\"n\">" + s.tests() + "</td><td class=\"n\">" + s.passed() + "</td><td class=\"n\">"
        + percent(s.passRate()) + "</td><td class=\"n\">" + (latency == null ? "–" : millis(latency)) + "</td>";
  }

  static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", v);
  }

  static String millis(double v) {
    return String.format(Locale.ROOT, "%.0f ms", v);
  }
}
