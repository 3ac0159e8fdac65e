package dev.personalize4j;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict parser for the flat JSON objects of record properties: string keys, string or number
 * values. It returns each value decoded (numbers as their literal text) and fails on anything RFC
 * 8259 does not allow, so tests can check the output of {@code Json} without a JSON library.
 */
final class JsonChecker {
  private final String text;
  private int pos;

  private JsonChecker(String text) {
    this.text = text;
  }

  /** Parses {@code text} as one flat JSON object, failing with IllegalStateException if it is not. */
  static Map<String, String> parseFlatObject(String text) {
    JsonChecker p = new JsonChecker(text);
    Map<String, String> out = p.object();
    if (p.pos != text.length()) {
      throw p.error("trailing characters");
    }
    return out;
  }

  private Map<String, String> object() {
    Map<String, String> out = new LinkedHashMap<>();
    expect('{');
    if (peek() == '}') {
      pos++;
      return out;
    }
    while (true) {
      String key = string();
      expect(':');
      String value = peek() == '"' ? string() : number();
      if (out.put(key, value) != null) {
        throw error("duplicate key " + key);
      }
      char c = next();
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("raw control character");
      }
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && pos < text.length() && Character.isLowSurrogate(text.charAt(pos));
        if (!paired) {
          throw error("lone surrogate, not encodable as UTF-8");
        }
        out.append(c).append(next());
        continue;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private String number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits(1);
    }
    if (peek() == '.') {
      pos++;
      digits(1);
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits(1);
    }
    return text.substring(start, pos);
  }

  private void digits(int min) {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos - start < min) {
      throw error("expected a digit");
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private IllegalStateException error(String problem) {
    return new IllegalStateException(problem + " at " + pos + " in " + text);
  }
}
