package io.convosql.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.convosql.sandbox.Sandbox;
import io.convosql.sandbox.pathsim.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRDesignBand;
import net.sf.jasperreports.engine.design.JRDesignExpression;
import net.sf.jasperreports.engine.design.JRDesignField;
import net.sf.jasperreports.engine.design.JRDesignParameter;
import net.sf.jasperreports.engine.design.JRDesignQuery;
import net.sf.jasperreports.engine.design.JRDesignSection;
import net.sf.jasperreports.engine.design.JRDesignTextField;
import net.sf.jasperreports.engine.design.JasperDesign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JasperReports 7.0 compiles a report whose query takes a {@code java.util.Date} parameter (which
 * Jasper binds with {@code setDate}) and whose field is a {@code LocalDateTime}, fills it from the
 * driver and exports it to PDF: the PDF's text holds each session's id and UTC start.
 */
class JasperReportsTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = CompatSandbox.start(200, 10);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** The report as a designer makes it: one line per session, id and start. */
  private static JasperDesign design() throws Exception {
    JasperDesign d = new JasperDesign();
    d.setName("sessions_since");
    d.setPageWidth(595);
    d.setPageHeight(842);
    d.setColumnWidth(555);
    d.setLeftMargin(20);
    d.setRightMargin(20);
    JRDesignParameter since = new JRDesignParameter();
    since.setName("since");
    since.setValueClass(Date.class);
    d.addParameter(since);
    JRDesignQuery query = new JRDesignQuery();
    query.setText("SELECT id, started_at FROM pathsim.sessions WHERE started_at >= $P{since}"
        + " ORDER BY started_at, id LIMIT 5");
    d.setQuery(query);
    d.addField(field("id", String.class));
    d.addField(field("started_at", LocalDateTime.class));
    JRDesignTextField line = new JRDesignTextField();
    line.setX(0);
    line.setY(0);
    line.setWidth(555);
    line.setHeight(20);
    line.setExpression(new JRDesignExpression("$F{id} + \" \" + $F{started_at}"));
    JRDesignBand band = new JRDesignBand();
    band.setHeight(20);
    band.addElement(line);
    ((JRDesignSection) d.getDetailSection()).addBand(band);
    return d;
  }

  private static JRDesignField field(String name, Class<?> type) {
    JRDesignField f = new JRDesignField();
    f.setName(name);
    f.setValueClass(type);
    return f;
  }

  @Test
  void fillsAndExportsAPdfWithADateParameterAndALocalDateTimeField() throws Exception {
    LocalDate day = LocalDate.of(2025, 8, 20);
    // a date picked in the report viewer: midnight of that day in the JVM's zone
    Date since = Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    List<String> expected = sandbox.pathSim().data().sessions().stream()
        .filter(s -> !s.time().isBefore(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .sorted(Session.ASCENDING).limit(5)
        .map(s -> s.id() + " " + LocalDateTime.ofInstant(s.time(), ZoneOffset.UTC)).toList();
    assertThat(expected).hasSize(5);
    JasperReport report = JasperCompileManager.compileReport(design());
    JasperPrint print;
    byte[] pdf;
    try (LogWatch log = LogWatch.start(); Connection c = DriverManager.getConnection(CompatSandbox.url(sandbox))) {
      print = JasperFillManager.fillReport(report, new HashMap<>(Map.of("since", since)), c);
      pdf = JasperExportManager.exportReportToPdf(print);
      assertThat(log.lines(Level.SEVERE)).isEmpty();
    }
    List<String> filled = print.getPages().stream().flatMap(p -> p.getElements().stream())
        .filter(e -> e instanceof JRPrintText).map(e -> ((JRPrintText) e).getFullText()).toList();
    assertThat(filled).containsExactlyElementsOf(expected);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    for (String line : expected) {
      assertThat(text).contains(line);
    }
    assertThat(sandbox.requests().all()).isNotEmpty().allMatch(r -> r.status() == 200);
  }
}
