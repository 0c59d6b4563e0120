package io.convosql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, BENCHMARKS.md and docs/*.md leads somewhere: to a file that
 * exists and, after a {@code #}, to a heading of that file (by GitHub's rule for heading anchors);
 * and every docs page is linked from the README, so each answer is two clicks from the front door.
 */
class DocsLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyRelativeLinkResolvesToAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      for (String target : links(doc)) {
        if (target.matches("[a-z]+:.*")) {
          continue; // http(s), mailto: outside the repository
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(Docs.ROOT.relativize(doc) + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
          broken.add(Docs.ROOT.relativize(doc) + ": " + target + " (no such heading; there are "
              + anchors(resolved) + ")");
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void readmeLinksEveryDocsPage() throws IOException {
    Set<String> linked = new HashSet<>(links(Docs.ROOT.resolve("README.md")));
    try (Stream<Path> pages = Files.list(Docs.ROOT.resolve("docs"))) {
      assertThat(pages.map(p -> "docs/" + p.getFileName())).as("docs pages the README links to")
          .allSatisfy(page -> assertThat(linked).contains(page));
    }
  }

  @Test
  void anchorsFollowGitHubsRule() {
    assertThat(anchor("## `pathsim.transcript_lines`")).isEqualTo("pathsimtranscript_lines");
    assertThat(anchor("## Retries, limits and timeouts")).isEqualTo("retries-limits-and-timeouts");
    assertThat(anchor("### Insights 401 on a long or malformed date range"))
        .isEqualTo("insights-401-on-a-long-or-malformed-date-range");
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Docs.ROOT.resolve("README.md"), Docs.ROOT.resolve("BENCHMARKS.md")));
    try (Stream<Path> pages = Files.list(Docs.ROOT.resolve("docs"))) {
      pages.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The link targets of a Markdown file, outside fenced code blocks. */
  private static List<String> links(Path doc) throws IOException {
    List<String> out = new ArrayList<>();
    boolean code = false;
    for (String line : Files.readAllLines(doc)) {
      if (line.strip().startsWith("```")) {
        code = !code;
      } else if (!code) {
        Matcher m = LINK.matcher(line);
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  /** The anchors of a Markdown file's headings, as GitHub makes them (duplicates get -1, -2, …). */
  private static Set<String> anchors(Path doc) throws IOException {
    Set<String> out = new HashSet<>();
    if (!doc.toString().endsWith(".md")) {
      return out;
    }
    boolean code = false;
    for (String line : Files.readAllLines(doc)) {
      if (line.strip().startsWith("```")) {
        code = !code;
      } else if (!code && line.startsWith("#")) {
        String a = anchor(line);
        String unique = a;
        for (int n = 1; !out.add(unique); n++) {
          unique = a + "-" + n;
        }
      }
    }
    return out;
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String anchor(String heading) {
    String text = heading.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
    return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }
}
