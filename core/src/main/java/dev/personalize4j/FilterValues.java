package dev.personalize4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders and parses filter parameter values with Personalize's quoting: a comma-separated list of
 * double-quoted strings, e.g. {@code "shoes","hats"}, with inner quotes and backslashes escaped.
 */
public final class FilterValues {
  private FilterValues() {}

  /** Renders values as Personalize's {@code filterValues} expect them. */
  public static String render(List<String> values) {
    java.util.Objects.requireNonNull(values, "values");
    StringBuilder out = new StringBuilder();
    for (String v : values) {
      java.util.Objects.requireNonNull(v, "filter value");
      if (out.length() > 0) {
        out.append(',');
      }
      out.append('"');
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.toString();
  }

  /**
   * Parses a rendered value list back; an unquoted value (e.g. a number for a comparison) is taken
   * as it stands.
   *
   * @throws IllegalArgumentException if a quote is not closed
   */
  public static List<String> parse(String rendered) {
    java.util.Objects.requireNonNull(rendered, "rendered");
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = rendered.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(rendered.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      StringBuilder v = new StringBuilder();
      if (rendered.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = rendered.charAt(i++);
          if (c == '\\' && i < n) {
            v.append(rendered.charAt(i++));
          } else if (c == '"') {
            closed = true;
            break;
          } else {
            v.append(c);
          }
        }
        if (!closed) {
          throw new IllegalArgumentException("filter value has an unclosed quote: " + Check.abbreviate(rendered));
        }
        while (i < n && rendered.charAt(i) != ',') {
          i++;
        }
        out.add(v.toString());
      } else {
        while (i < n && rendered.charAt(i) != ',') {
          v.append(rendered.charAt(i++));
        }
        out.add(v.toString().strip());
      }
      i++;
    }
    return List.copyOf(out);
  }
}
