package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which {@code -e} runs {@link OneShot} takes and which it leaves to sqlline: the SQL it sends for a
 * plain statement, and sqlline for commands, several statements, comments, open quotes or brackets,
 * other options and spellings sqlline would read otherwise.
 */
class OneShotTest {
  private static final String URL = ConvoSqlDriver.PREFIX + "demo=true";

  @Test
  void aPlainStatementIsSentAsSqllineSendsIt() {
    assertThat(OneShot.plainSql("  SELECT 1  ")).isEqualTo("SELECT 1");
    assertThat(OneShot.plainSql("SELECT 1 ;")).isEqualTo("SELECT 1 ");
    assertThat(OneShot.plainSql("SELECT ';' AS \"a;b\", x[1] FROM t WHERE f(1, (2))"))
        .isEqualTo("SELECT ';' AS \"a;b\", x[1] FROM t WHERE f(1, (2))");
    assertThat(OneShot.plainSql("SELECT 'it''s'\nFROM t")).isEqualTo("SELECT 'it''s'\nFROM t");
  }

  @Test
  void anythingSqllinesParserCouldReadOtherwiseGoesToSqlline() {
    for (String line : List.of("", "  ", "!tables", "?", "HELP", "VALUES 1; VALUES 2", "VALUES 1;;",
        "VALUES 1 -- one", "/* c */ VALUES 1", "VALUES 'open", "VALUES (1", "VALUES 1)", "VALUES x[1",
        "VALUES 'a\\'b'", "SELECT `a` FROM t")) {
      assertThat(OneShot.plainSql(line)).as(line).isNull();
    }
  }

  @Test
  void theOptionsItPrintsAsSqllineAreTakenOthersGoToSqlline() {
    for (List<String> options : List.of(List.<String>of(), List.of("--outputformat=csv"),
        List.of("--outputFormat=xmlattrs", "--showHeader=false"), List.of("--OUTPUTFORMAT=default"),
        List.of("--maxWidth=40", "--showElapsedTime=no"), List.of("--silent=false"))) {
      assertThat(OneShot.of(URL, false, options, "VALUES 1")).as(options.toString()).isNotNull();
    }
    for (List<String> options : List.of(List.of("--outputformat=CSV"), List.of("--outputformat=html"),
        List.of("--maxWidth=0"), List.of("--maxWidth=wide"), List.of("--verbose=true"),
        List.of("--nullValue=NULL"), List.of("--showHeader"), List.of("--no-showHeader"),
        List.of("-f", "script.sql"), List.of("props.properties"), List.of("--csvDelimiter=;"),
        List.of("--outputformat=\"csv\""))) {
      assertThat(OneShot.of(URL, false, options, "VALUES 1")).as(options.toString()).isNull();
    }
    assertThat(OneShot.of("jdbc:calcite:", false, List.of(), "VALUES 1")).isNull();
  }

  @Test
  void theSwitchSendsEveryStatementToSqlline() {
    System.setProperty(OneShot.SQLLINE, "true");
    try {
      assertThat(OneShot.of(URL, false, List.of(), "VALUES 1")).isNull();
    } finally {
      System.clearProperty(OneShot.SQLLINE);
    }
    assertThat(OneShot.of(URL, false, List.of(), "VALUES 1")).isNotNull();
  }
}
