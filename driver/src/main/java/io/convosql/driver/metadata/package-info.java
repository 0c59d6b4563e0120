/**
 * Calcite's metadata handlers compiled with the driver instead of by Janino on a JVM's first
 * planning. The {@code GeneratedMetadata_*} sources are generated, not written: they are what
 * Calcite's own generator ({@code RelMetadataHandlerGeneratorUtil}, the one
 * {@code JaninoRelMetadataProvider} runs) writes for the default metadata providers, with the
 * package line changed and the few spellings javac refuses where Janino is lenient rewritten
 * ({@code Outer$Inner} names, a private provider class typed as its public superclass). Do not edit
 * them: {@code GeneratedHandlerSourcesTest} fails when they differ from what the generator writes now
 * (after a Calcite upgrade), and run with {@code -Dconvosql.regenerateMetadataHandlers=true} it
 * writes them again.
 */
package io.convosql.driver.metadata;
