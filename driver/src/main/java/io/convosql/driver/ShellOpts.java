package io.convosql.driver;

import sqlline.BuiltInProperty;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;
import sqlline.SqlLineProperty;

/**
 * sqlline's options as the convosql shell reads them: a NULL prints as nothing in the table,
 * vertical, CSV and TSV formats, whatever the column's type, unless {@code --nullValue} is given.
 * sqlline alone prints a NULL text or boolean as nothing but a NULL number, date or timestamp as the
 * word {@code null}, which a script reading CSV takes for a value. JSON and XML keep sqlline's
 * default, under which JSON's NULL numbers are {@code null}.
 */
final class ShellOpts extends SqlLineOpts {
  ShellOpts(SqlLine sqlLine) {
    super(sqlLine);
  }

  private boolean blank(SqlLineProperty property) {
    return property == BuiltInProperty.NULL_VALUE && super.isDefault(property)
        && OneShotFormat.blankNulls(getOutputFormat());
  }

  @Override
  public boolean isDefault(SqlLineProperty property) {
    return !blank(property) && super.isDefault(property);
  }

  @Override
  public String get(SqlLineProperty property) {
    return blank(property) ? "" : super.get(property);
  }
}
