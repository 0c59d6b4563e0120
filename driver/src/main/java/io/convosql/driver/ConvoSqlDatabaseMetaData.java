package io.convosql.driver;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Avatica's {@code DatabaseMetaData} with an answer wherever it has none, as pgjdbc answers: result
 * sets are read-only and forward-only, so no change to them is ever visible or detected; the URL is
 * the one the connection was opened with, its secrets masked; there are no catalogs (schemas are
 * the top level, and every TABLE_CAT is null).
 */
final class ConvoSqlDatabaseMetaData extends AvaticaDatabaseMetaData {
  /** {@code name=value} in a URL whose value is a secret, quoted or up to the next {@code ;}. */
  private static final Pattern PAIR =
      Pattern.compile("([^;=]+)=\\s*('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^;]*)");
  private static final String MASK = "****";

  private final Supplier<@Nullable String> url;

  /** @param url the URL, masked; null until the connection has opened */
  ConvoSqlDatabaseMetaData(AvaticaConnection connection, Supplier<@Nullable String> url) {
    super(connection);
    this.url = url;
  }

  /** The URL with the value of every secret property (keys, passwords, tokens) masked. */
  static String mask(String url) {
    Matcher m = PAIR.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).strip();
      m.appendReplacement(out, Matcher.quoteReplacement(
          secret(name) ? m.group(1) + "=" + MASK : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean secret(String name) {
    ConvoSqlProperty p = ConvoSqlProperty.byNameIgnoreCase(name);
    return p != null && p.secret()
        || name.toLowerCase(Locale.ROOT).matches(".*(key|password|secret|token).*");
  }

  @Override
  public String getURL() {
    String opened = url.get();
    return opened != null ? opened : ConvoSqlDriver.PREFIX;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == getResultSetHoldability(); // commit() changes nothing, so cursors stay open
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean isCatalogAtStart() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }
}
