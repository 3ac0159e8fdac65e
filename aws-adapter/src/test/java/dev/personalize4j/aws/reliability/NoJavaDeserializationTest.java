package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main code of core, aws-adapter or testing-fakes deserializes Java objects or lets Jackson pick
 * classes from input: the classic gadget-chain entry points are absent from the sources.
 */
class NoJavaDeserializationTest {
  private static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("\\bObjectInputStream\\b"),
      Pattern.compile("\\breadObject\\s*\\("),
      Pattern.compile("\\breadUnshared\\s*\\("),
      Pattern.compile("\\breadResolve\\s*\\("),
      Pattern.compile("\\bXMLDecoder\\b"),
      Pattern.compile("\\bSerializationUtils\\b"),
      Pattern.compile("\\b(enableDefaultTyping|activateDefaultTyping|activateDefaultTypingAsProperty)\\b"),
      Pattern.compile("@JsonTypeInfo\\s*\\(\\s*use\\s*=\\s*JsonTypeInfo\\.Id\\.CLASS"));

  @Test
  void mainSourcesHaveNoDeserializationEntryPoints() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> trees = List.of(root.resolve("core/src/main/java"), root.resolve("aws-adapter/src/main/java"),
        root.resolve("testing-fakes/src/main/java"));
    List<String> hits = new ArrayList<>();
    int scanned = 0;
    for (Path tree : trees) {
      assertThat(tree).as("source tree").isDirectory();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(tree)) {
        files = walk.filter(f -> f.toString().endsWith(".java")).toList();
      }
      assertThat(files).as("sources under %s", tree).isNotEmpty();
      for (Path f : files) {
        scanned++;
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
          for (Pattern p : FORBIDDEN) {
            if (p.matcher(lines.get(n)).find()) {
              hits.add(root.relativize(f) + ":" + (n + 1) + ": " + lines.get(n).strip());
            }
          }
        }
      }
    }
    assertThat(scanned).isGreaterThan(50);
    assertThat(hits).as("deserialization entry points in main sources").isEmpty();
  }
}
