package dev.personalize4j.aws.internal;

import dev.personalize4j.AttributeValue;
import java.util.Map;

/**
 * Writes the {@code properties} JSON of PutItems/PutUsers records: camelCase keys, numbers as JSON
 * numbers, everything else as JSON strings (categorical values joined by {@code |}). Hand-written
 * because the object is flat and its values are already typed; a JSON library would be a whole
 * dependency for one loop and a string escaper.
 */
public final class JsonText {
  private JsonText() {}

  /** The properties object for {@code fields}. */
  public static String properties(Map<String, AttributeValue> fields) {
    StringBuilder out = new StringBuilder(32 + fields.size() * 24).append('{');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> e : fields.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, AttributeValue.propertyKey(e.getKey()));
      out.append(':');
      AttributeValue v = e.getValue();
      if (v instanceof AttributeValue.Numeric) {
        out.append(v.render());
      } else {
        string(out, v.render());
      }
    }
    return out.append('}').toString();
  }

  /** Appends {@code s} as a JSON string literal (RFC 8259 escaping). */
  public static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            out.append("0000", hex.length(), 4).append(hex);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
