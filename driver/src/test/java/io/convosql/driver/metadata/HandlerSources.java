package io.convosql.driver.metadata;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.janino.RelMetadataHandlerGeneratorUtil;

/**
 * The sources of {@link PrecompiledMetadataHandlers}' classes as Calcite's own generator writes them
 * for Janino ({@link RelMetadataHandlerGeneratorUtil}, given the default providers' handlers as
 * {@code JaninoRelMetadataProvider} gives them), with only the package line changed; the kinds are
 * {@link PrecompiledMetadataHandlers#handlerClasses()}.
 */
final class HandlerSources {
  /** Where the generated sources are checked in, from the driver module's directory. */
  static final Path DIRECTORY = Path.of("src/main/java/io/convosql/driver/metadata");

  private HandlerSources() {}

  /** The file the generated class for {@code handlerClass} is kept in. */
  static Path file(Class<? extends MetadataHandler<?>> handlerClass) {
    String name = PrecompiledMetadataHandlers.className(handlerClass);
    return DIRECTORY.resolve(name.substring(name.lastIndexOf('.') + 1) + ".java");
  }

  /**
   * The source Calcite's generator writes for {@code handlerClass}, made fit for javac where Janino
   * is lenient: in this package; a provider of a class javac may not name (private, nested) typed as
   * its nearest public superclass, whose methods it inherits, so that the same overloads are called;
   * binary names ({@code Outer$Inner}) outside string literals written as Java names.
   */
  static String source(Class<? extends MetadataHandler<?>> handlerClass) {
    List<MetadataHandler<?>> providers = PrecompiledMetadataHandlers.defaultHandlers(handlerClass);
    String code = RelMetadataHandlerGeneratorUtil.generateHandler(handlerClass, providers)
        .getGeneratedCode();
    code = replaceOnce(code,
        "package " + RelMetadataHandlerGeneratorUtil.class.getPackageName() + ";",
        "package " + PrecompiledMetadataHandlers.class.getPackageName() + ";");
    for (int i = 0; i < providers.size(); i++) {
      Class<?> provider = providers.get(i).getClass();
      Class<?> named = provider;
      while (!Modifier.isPublic(named.getModifiers())) {
        named = named.getSuperclass();
      }
      if (named == provider) {
        continue;
      }
      code = code.replace(provider.getName() + " provider" + i,
          named.getName() + " provider" + i);
      if (!MetadataHandler.class.isAssignableFrom(named)) {
        code = code.replace("return provider" + i + ".getDef();", "return (("
            + MetadataHandler.class.getName() + "<?>) provider" + i + ").getDef();");
      }
    }
    return javaNamesOutsideStrings(code);
  }

  private static String replaceOnce(String code, String from, String to) {
    if (!code.contains(from)) {
      throw new IllegalStateException("Calcite's generator no longer writes '" + from + "'");
    }
    return code.replace(from, to);
  }

  /** {@code $} becomes {@code .} outside string literals (the generated code has no escapes). */
  private static String javaNamesOutsideStrings(String code) {
    StringBuilder out = new StringBuilder(code.length());
    boolean inString = false;
    for (char c : code.toCharArray()) {
      if (c == '"') {
        inString = !inString;
      }
      out.append(c == '$' && !inString ? '.' : c);
    }
    return out.toString();
  }
}
