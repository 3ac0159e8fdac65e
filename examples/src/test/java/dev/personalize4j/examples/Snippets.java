package dev.personalize4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads code regions marked {@code // README: NAME begin} ... {@code // README: NAME end} from test
 * sources, so tests can check that the README shows exactly the code that compiles and runs.
 */
final class Snippets {
  private Snippets() {}

  /** The README at the repository root (tests run in the module directory). */
  static String readme() {
    return read(Path.of("..", "README.md"));
  }

  /** The marked region {@code name} of a test source file, dedented, as a fenced Java block. */
  static String javaBlock(String testSource, String name) {
    List<String> lines = read(Path.of("src", "test", "java", "dev", "personalize4j", "examples").resolve(testSource))
        .lines().toList();
    String begin = "// README: " + name + " begin";
    String end = "// README: " + name + " end";
    List<String> body = new ArrayList<>();
    boolean inside = false;
    boolean closed = false;
    for (String l : lines) {
      if (l.strip().equals(end)) {
        closed = true;
        break;
      }
      if (inside) {
        body.add(l);
      }
      if (l.strip().equals(begin)) {
        inside = true;
      }
    }
    if (!inside || !closed || body.isEmpty()) {
      throw new IllegalStateException("no README region '" + name + "' in " + testSource);
    }
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    List<String> dedented = body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    return "```java\n" + String.join("\n", dedented) + "\n```";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
  }
}
