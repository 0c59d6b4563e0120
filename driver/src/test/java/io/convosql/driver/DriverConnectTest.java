package io.convosql.driver;

import static io.convosql.driver.DriverFixture.connectFailure;
import static io.convosql.driver.DriverFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.convosql.sandbox.Sandbox;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Opening connections through {@link DriverManager}: the service registration, URL pairs and
 * {@code Properties}, and the errors a mistyped or unknown property gives.
 */
class DriverConnectTest {
  private static final String WORKSPACES = "SELECT COUNT(*) FROM pathsim.workspaces";
  private static final String DEAD_URL = "http://127.0.0.1:9/v1";

  private static String workspaceCount() {
    return Integer.toString(DriverFixture.data().workspaces().size());
  }

  private static Properties properties(String... pairs) {
    Properties p = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  @Test
  void theDriverIsAJavaSqlDriverService() throws SQLException {
    assertThat(ServiceLoader.load(Driver.class).stream().map(ServiceLoader.Provider::type))
        .contains(ConvoSqlDriver.class);
    Driver driver = DriverManager.getDriver("jdbc:convosql:");
    assertThat(driver).isInstanceOf(ConvoSqlDriver.class);
    assertThat(driver.acceptsURL("jdbc:calcite:")).isFalse();
  }

  @Test
  void urlPairsWork() throws SQLException {
    try (Connection c = DriverFixture.connect()) {
      assertThat(rows(c, WORKSPACES)).containsExactly(workspaceCount());
    }
  }

  @Test
  void propertiesWorkWithABareUrl() throws SQLException {
    Properties info = properties("pathsim.url", DriverFixture.SANDBOX.pathSimUrl(),
        "pathsim.apiKey", Sandbox.PATHSIM_KEY);
    try (Connection c = DriverManager.getConnection("jdbc:convosql:", info)) {
      assertThat(rows(c, WORKSPACES)).containsExactly(workspaceCount());
    }
  }

  @Test
  void theUrlWinsOverProperties() throws SQLException {
    Properties info = properties("pathsim.url", DEAD_URL, "pathsim.apiKey", Sandbox.PATHSIM_KEY);
    Properties before = (Properties) info.clone();
    String url = "jdbc:convosql:pathsim.url=" + DriverFixture.SANDBOX.pathSimUrl();
    try (Connection c = DriverManager.getConnection(url, info)) {
      assertThat(rows(c, WORKSPACES)).containsExactly(workspaceCount());
    }
    assertThat(info).as("the caller's Properties are left as they were").isEqualTo(before);
  }

  @Test
  void calcitePropertiesAreAccepted() throws SQLException {
    try (Connection c = DriverFixture.connect("fun=mysql", "caseSensitive=false")) {
      assertThat(rows(c, "SELECT MD5('a')")).containsExactly("0cc175b9c0f1b6a831c399e269772661");
    }
  }

  @Test
  void toolPropertiesUserAndPasswordAreIgnored() throws SQLException {
    try (Connection c = DriverManager.getConnection(DriverFixture.url(), "someone", "secret")) {
      assertThat(rows(c, WORKSPACES)).containsExactly(workspaceCount());
    }
  }

  @Test
  void anUnknownPropertyIsAnErrorListingTheValidOnes() {
    assertThat(connectFailure("jdbc:convosql:demo=true;pathsim.uri=http://x"))
        .hasMessageStartingWith("Unknown connection property 'pathsim.uri'. Did you mean 'pathsim.url'?")
        .hasMessageContaining("Valid convosql properties: demo, pathsim.url, pathsim.apiKey,"
            + " pathsim.timeFormat, insights.region, insights.url, insights.apiKey, insights.lookbackDays, insights.allowDelete,"
            + " allowInsecureHttp, pushdown, credentialsFile, connectTimeoutSeconds, readTimeoutSeconds,"
            + " callTimeoutSeconds, retryMaxAttempts, retryBudgetSeconds, connectRetrySeconds,"
            + " retryBackoffMillis,"
            + " retryMaxBackoffMillis, requestsPerSecond, maxConcurrentRequests, httpLog, cacheTtlSeconds,"
            + " cacheDetailTtlSeconds, cacheMaxMegabytes, requestLogSize, planCacheSize,"
            + " maxRequestsPerStatement;")
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY000"));
  }

  @Test
  void anUnknownPropertyInPropertiesIsAnErrorToo() {
    assertThat(connectFailure("jdbc:convosql:demo=true", properties("timeout", "5")))
        .hasMessageStartingWith("Unknown connection property 'timeout'. Valid convosql properties:")
        .hasMessageNotContaining("Did you mean"); // nothing near it: no guess
    assertThat(connectFailure("jdbc:convosql:demo=true;retryMaxAttempt=3"))
        .hasMessageStartingWith("Unknown connection property 'retryMaxAttempt'. Did you mean 'retryMaxAttempts'?");
  }

  @Test
  void aCaseTypoSuggestsTheRightName() {
    assertThat(connectFailure("jdbc:convosql:pathsim.apikey=k"))
        .hasMessageStartingWith("Unknown connection property 'pathsim.apikey'. Did you mean 'pathsim.apiKey'?")
        .hasMessageContaining("Valid convosql properties:");
    assertThat(connectFailure("jdbc:convosql:", properties("Demo", "true")))
        .hasMessageStartingWith("Unknown connection property 'Demo'. Did you mean 'demo'?");
  }

  @Test
  void badValuesNameTheProperty() {
    assertThat(connectFailure("jdbc:convosql:demo=maybe"))
        .hasMessage("Connection property demo must be true or false, not 'maybe'");
    assertThat(connectFailure("jdbc:convosql:demo=true;pushdown=yes"))
        .hasMessage("Connection property pushdown must be true or false, not 'yes'");
    for (String timeout : List.of("-1", "0", "ten")) {
      assertThat(connectFailure("jdbc:convosql:demo=true;readTimeoutSeconds=" + timeout))
          .hasMessage("Connection property readTimeoutSeconds must be a positive whole number of seconds,"
              + " not '" + timeout + "'");
    }
    assertThat(connectFailure("jdbc:convosql:demo=true;retryMaxAttempts=0"))
        .hasMessage("Connection property retryMaxAttempts must be a positive whole number of attempts, not '0'");
    assertThat(connectFailure("jdbc:convosql:demo=true;maxConcurrentRequests=-4"))
        .hasMessage("Connection property maxConcurrentRequests must be a positive whole number of requests,"
            + " not '-4'");
    assertThat(connectFailure("jdbc:convosql:demo=true;requestsPerSecond=-1"))
        .hasMessage("Connection property requestsPerSecond must be 0 (no limit) or a positive number, not '-1'");
    assertThat(connectFailure("jdbc:convosql:demo=true;retryBackoffMillis=500;retryMaxBackoffMillis=100"))
        .hasMessage("Connection property retryMaxBackoffMillis (100) must not be less than"
            + " retryBackoffMillis (500)");
    assertThat(connectFailure("jdbc:convosql:demo=true;httpLog=loud"))
        .hasMessage("Connection property httpLog must be NONE, BASIC, HEADERS or BODY, not 'loud'");
    assertThat(connectFailure("jdbc:convosql:demo=true;requestLogSize=-1"))
        .hasMessage("Connection property requestLogSize must be 0 or a positive whole number of requests,"
            + " not '-1'");
    assertThat(connectFailure("jdbc:convosql:demo=true;pathsim.timeFormat=yyyy/MM/dd"))
        .hasMessage("Bad connection property: pathsim.timeFormat must be auto, MM/dd or dd/MM, not"
            + " 'yyyy/MM/dd'");
    assertThat(connectFailure("jdbc:convosql:insights.region=mars;pathsim.apiKey=k"))
        .hasMessage("Bad connection property: insights.region must be us or eu, not 'mars'");
    assertThat(connectFailure("jdbc:convosql:pathsim.url=not a url"))
        .hasMessageContaining("pathsim.url is not an http(s) URL: not a url");
    assertThat(connectFailure("jdbc:convosql:pathsim.url=ftp://example.com/v1"))
        .hasMessageContaining("pathsim.url is not an http(s) URL: ftp://example.com/v1");
  }

  @Test
  void aBadValueOfACalciteEnumPropertyListsItsValues() {
    assertThat(connectFailure("jdbc:convosql:demo=true;lex=FOO"))
        .hasMessage("Connection property lex must be one of " + names(org.apache.calcite.config.Lex.class)
            + ", not 'FOO'")
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY000"));
    assertThat(connectFailure("jdbc:convosql:demo=true", properties("conformance", "FOO")))
        .hasMessage("Connection property conformance must be one of "
            + names(org.apache.calcite.sql.validate.SqlConformanceEnum.class) + ", not 'FOO'")
        .hasMessageContaining("LENIENT, ")
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("HY000"));
  }

  private static String names(Class<? extends Enum<?>> values) {
    return String.join(", ", java.util.Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
  }

  @Test
  void otherUrlsAreLeftToOtherDrivers() throws SQLException {
    assertThat(new ConvoSqlDriver().connect("jdbc:calcite:", new Properties())).isNull();
  }
}
