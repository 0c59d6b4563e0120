package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A class Calcite's connection needs that the JVM cannot initialize becomes an SQLException with
 * 08001 and a hint, not an Error thrown at the user; with {@code --sun-misc-unsafe-memory-access=deny}
 * (JDK 23+, which sets the system property read here) the hint names that option. LauncherIT runs a
 * real JDK 25 with the option.
 */
class ClassInitializationErrorTest {
  private static final String OPTION = "sun.misc.unsafe.memory.access";
  private static final NoClassDefFoundError ERROR =
      new NoClassDefFoundError("Could not initialize class org.apache.calcite.avatica.ConnectionPropertiesImpl");

  @AfterEach
  void clear() {
    System.clearProperty(OPTION);
  }

  @Test
  void underDenyTheHintNamesTheOption() {
    System.setProperty(OPTION, "deny");
    SQLException e = ConvoSqlDriver.cannotInitialize(ERROR);
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getCause()).isSameAs(ERROR);
    assertThat(e.getMessage()).isEqualTo("Cannot open a convosql connection: the JVM could not initialize a class"
        + " it needs (java.lang.NoClassDefFoundError: Could not initialize class"
        + " org.apache.calcite.avatica.ConnectionPropertiesImpl). Hint: this JVM runs with"
        + " --sun-misc-unsafe-memory-access=deny, and the protobuf inside Calcite's JDBC layer (Avatica) reads"
        + " arrays through sun.misc.Unsafe: run it with allow or warn instead.");
  }

  @Test
  void otherwiseTheHintPointsAtTheClassPath() {
    System.setProperty(OPTION, "warn");
    assertThat(ConvoSqlDriver.cannotInitialize(ERROR).getMessage()).endsWith(
        "Hint: the class path may hold another version of Calcite, Avatica or protobuf beside the driver's jar.");
  }
}
