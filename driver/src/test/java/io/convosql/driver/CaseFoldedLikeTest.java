package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ILIKE folds the case of every alphabet, as PostgreSQL's does: Calcite's folded only ASCII letters,
 * so {@code 'Ä' ILIKE 'ä'} was false.
 */
class CaseFoldedLikeTest {
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = DriverFixture.connect();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static String row(String sql) {
    OwnSandbox.Outcome o = OwnSandbox.run(connection, sql);
    assertThat((Object) o.failure()).as(sql).isNull();
    return String.join(" / ", o.rows());
  }

  @Test
  void everyAlphabetMatchesWhateverItsCase() {
    assertThat(row("SELECT 'A' ILIKE 'a', 'Ä' ILIKE 'ä', 'Grüße aus KÖLN' ILIKE '%köln', 'É' ILIKE 'é',"
        + " 'ДОМ' ILIKE 'дом', 'Ωmega' ILIKE 'ω%', 'abc' ILIKE 'ABD'"))
        .isEqualTo("true; true; true; true; true; true; false");
    assertThat(row("SELECT 'ÄB' NOT ILIKE 'äb', 'ÄB' NOT ILIKE 'x%', 'Ä_B' ILIKE 'ä!_b' ESCAPE '!',"
        + " 'ÄXB' ILIKE 'ä!_b' ESCAPE '!'")).isEqualTo("false; true; true; false");
    assertThat(row("SELECT CAST(NULL AS VARCHAR) ILIKE 'a', 'a' ILIKE CAST(NULL AS VARCHAR)"))
        .isEqualTo("null; null");
    // a bare NULL is NULL too (LOWER(NULL) of a NULL nothing types did not run once NULL arguments were typed)
    assertThat(row("SELECT 'a' ILIKE NULL, NULL ILIKE 'a', 'a' NOT ILIKE NULL")).isEqualTo("null; null; null");
  }

  @Test
  void aTableColumnIsMatchedAsWritten() {
    String pushedOff = "SELECT COUNT(*) FROM pathsim.workspaces WHERE UPPER(name) LIKE '%A%'";
    assertThat(row("SELECT COUNT(*) FROM pathsim.workspaces WHERE name ILIKE '%a%'")).isEqualTo(row(pushedOff));
  }
}
