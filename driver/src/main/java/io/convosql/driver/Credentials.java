package io.convosql.driver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The credentials file ({@code ~/.convosql/credentials} unless {@code credentialsFile} says otherwise):
 * a properties file with {@code pathsim.apiKey} and {@code insights.apiKey}. It is refused, with the
 * command that fixes it, when group or others may read or write it; on file systems without POSIX
 * permissions it is read as it is.
 */
final class Credentials {
  private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private Credentials() {}

  /** The path a {@code credentialsFile} value names, {@code ~} being the user's home. */
  static Path path(String value) {
    if (value.equals("~") || value.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), value.substring(1).replaceFirst("^/", ""));
    }
    return Path.of(value);
  }

  /** The file's keys; empty when there is no file. */
  static Properties load(Path file) throws SQLException {
    if (!Files.isRegularFile(file)) {
      return new Properties();
    }
    Properties keys = readPrivate(file, "credentials file");
    for (String name : keys.stringPropertyNames()) {
      ConvoSqlProperty p = ConvoSqlProperty.byName(name);
      if (p == null || !p.secret()) {
        throw new SQLException("The credentials file " + file + " holds '" + name + "'; it may hold only"
            + " pathsim.apiKey and insights.apiKey", "28000");
      }
    }
    return keys;
  }

  /**
   * A properties file that may hold keys (the credentials file, the remote server's connection
   * properties), refused when group or others may read or change it.
   */
  static Properties readPrivate(Path file, String what) throws SQLException {
    Properties keys = new Properties();
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    try {
      if (posix != null) {
        Set<PosixFilePermission> open = posix.readAttributes().permissions();
        open.retainAll(TOO_OPEN);
        if (!open.isEmpty()) {
          throw new SQLException("The " + what + " " + file + " may be read or changed by others ("
              + open.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
              + "), so convosql does not use it. Run: chmod 600 " + file, "28000");
        }
      }
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        keys.load(r);
      }
    } catch (IOException e) {
      throw new SQLException("Cannot read the " + what + " " + file + ": " + e.getMessage(), "28000", e);
    } catch (IllegalArgumentException e) {
      throw new SQLException("The " + what + " " + file + " is not a properties file ("
          + e.getMessage() + ")", "28000");
    }
    return keys;
  }
}
