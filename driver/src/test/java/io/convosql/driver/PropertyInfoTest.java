package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code Driver.getPropertyInfo}, which SQL tools show as the driver's settings. */
class PropertyInfoTest {
  private static final String KEY = "sk-live-INFO-5521";

  private static Map<String, DriverPropertyInfo> info(String url, Properties given) throws SQLException {
    return Arrays.stream(DriverManager.getDriver(url).getPropertyInfo(url, given))
        .collect(Collectors.toMap(p -> p.name, Function.identity()));
  }

  @Test
  void everyPropertyIsListedWithItsDescriptionAndDefault() throws SQLException {
    Map<String, DriverPropertyInfo> info = info("jdbc:convosql:", new Properties());
    assertThat(info.keySet()).containsExactlyInAnyOrderElementsOf(
        Stream.of(ConvoSqlProperty.values()).map(ConvoSqlProperty::propertyName).toList());
    for (ConvoSqlProperty p : ConvoSqlProperty.values()) {
      DriverPropertyInfo d = info.get(p.propertyName());
      assertThat(d.description).as(p.propertyName()).isEqualTo(p.description()).isNotBlank();
      assertThat(d.required).isFalse();
      assertThat(d.value).as(p.propertyName()).isEqualTo(p.defaultValue());
    }
    assertThat(info.get("pathsim.url").value).isEqualTo("https://api.pathsim.com/v1");
    assertThat(info.get("pathsim.apiKey").description).contains("Authorization: Bearer").contains("PATHSIM_API_KEY");
  }

  @Test
  void givenValuesAreShownButNeverTheKey() throws SQLException {
    Properties given = new Properties();
    given.setProperty("readTimeoutSeconds", "12");
    given.setProperty("pathsim.apiKey", KEY);
    String url = "jdbc:convosql:pathsim.url=http://127.0.0.1:1/v1;pathsim.apiKey=" + KEY;
    Map<String, DriverPropertyInfo> info = info(url, given);
    assertThat(info.get("readTimeoutSeconds").value).isEqualTo("12");
    assertThat(info.get("pathsim.url").value).isEqualTo("http://127.0.0.1:1/v1");
    assertThat(info.get("pathsim.apiKey").value).isNull();
    assertThat(info.values()).allSatisfy(d -> assertThat(String.valueOf(d.value) + d.description).doesNotContain(KEY));
  }
}
