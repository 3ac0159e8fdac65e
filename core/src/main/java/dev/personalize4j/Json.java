package dev.personalize4j;

import java.util.Map;

/** Minimal JSON writing for record properties; core has no dependency to do it. */
final class Json {
  private Json() {}

  static String properties(Map<String, AttributeValue> fields) {
    StringBuilder out = new StringBuilder(64).append('{');
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

  static void string(StringBuilder out, String s) {
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
          if (c < 0x20 || unpairedSurrogate(s, i)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A lone surrogate cannot be encoded as UTF-8 on the wire, so it is sent as an escape. */
  private static boolean unpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
