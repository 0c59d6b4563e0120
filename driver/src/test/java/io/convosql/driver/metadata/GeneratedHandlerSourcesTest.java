package io.convosql.driver.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.junit.jupiter.api.Test;

/**
 * The checked-in metadata handler sources are exactly what Calcite's generator writes now, so a
 * Calcite upgrade that changes them fails here until they are written again: run this test with
 * {@code -Dconvosql.regenerateMetadataHandlers=true}, which writes them, then commit them.
 */
class GeneratedHandlerSourcesTest {
  private static final String REGENERATE = "convosql.regenerateMetadataHandlers";

  @Test
  void everyKindOfMetadataHasTheSourceCalcitesGeneratorWrites() throws IOException {
    List<Class<? extends MetadataHandler<?>>> kinds = PrecompiledMetadataHandlers.handlerClasses();
    assertThat(kinds).as("kinds of metadata a RelMetadataQuery asks for").hasSizeGreaterThan(20);
    boolean regenerate = Boolean.getBoolean(REGENERATE);
    for (Class<? extends MetadataHandler<?>> kind : kinds) {
      Path file = HandlerSources.file(kind);
      String expected = HandlerSources.source(kind);
      if (regenerate) {
        Files.writeString(file, expected);
      }
      assertThat(file).as("%s; if Calcite changed, run this test with -D%s=true and commit",
          file, REGENERATE).exists();
      assertThat(Files.readString(file))
          .as("%s is not what Calcite's generator writes for %s now; run this test with -D%s=true"
              + " and commit", file, kind.getName(), REGENERATE)
          .isEqualTo(expected);
    }
  }

  @Test
  void noOtherGeneratedSourceIsKept() throws IOException {
    Set<Path> expected = PrecompiledMetadataHandlers.handlerClasses().stream()
        .map(HandlerSources::file).map(Path::getFileName).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(HandlerSources.DIRECTORY)) {
      assertThat(files.map(Path::getFileName)
          .filter(f -> f.toString().startsWith("GeneratedMetadata_")))
          .as("generated handler sources in %s", HandlerSources.DIRECTORY)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
