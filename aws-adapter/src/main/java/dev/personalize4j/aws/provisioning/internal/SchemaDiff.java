package dev.personalize4j.aws.provisioning.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares two Avro schema documents structurally and describes how they differ. */
public final class SchemaDiff {
  private SchemaDiff() {}

  /**
   * Returns a description of the differences between an existing schema and the declared one, or
   * empty when they are the same document (whitespace and key order aside).
   */
  public static Optional<String> difference(String existingJson, String declaredJson) {
    Object existing;
    try {
      existing = SchemaJson.parse(existingJson);
    } catch (IllegalArgumentException e) {
      return Optional.of("the existing schema is not readable JSON (" + e.getMessage() + ")");
    }
    Object declared = SchemaJson.parse(declaredJson);
    if (existing.equals(declared)) {
      return Optional.empty();
    }
    if (!(existing instanceof Map<?, ?> e) || !(declared instanceof Map<?, ?> d)) {
      return Optional.of("existing " + existingJson + " versus declared " + declaredJson);
    }
    List<String> diffs = new ArrayList<>();
    for (String key : List.of("type", "name", "namespace", "version")) {
      if (!java.util.Objects.equals(e.get(key), d.get(key))) {
        diffs.add(key + " is " + show(e.get(key)) + " but declared " + show(d.get(key)));
      }
    }
    Map<String, Object> ef = fields(e.get("fields"));
    Map<String, Object> df = fields(d.get("fields"));
    df.forEach((name, field) -> {
      if (!ef.containsKey(name)) {
        diffs.add("field " + name + " is declared but missing in the existing schema");
      } else if (!ef.get(name).equals(field)) {
        diffs.add("field " + name + " is " + show(ef.get(name)) + " but declared " + show(field));
      }
    });
    ef.keySet().stream().filter(n -> !df.containsKey(n))
        .forEach(n -> diffs.add("field " + n + " exists but is not declared"));
    if (diffs.isEmpty() && !new ArrayList<>(ef.keySet()).equals(new ArrayList<>(df.keySet()))) {
      diffs.add("field order is " + ef.keySet() + " but declared " + df.keySet());
    }
    if (diffs.isEmpty()) {
      diffs.add("existing " + existingJson + " versus declared " + declaredJson);
    }
    return Optional.of(String.join("; ", diffs));
  }

  private static Map<String, Object> fields(Object list) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (list instanceof List<?> l) {
      for (Object f : l) {
        if (f instanceof Map<?, ?> m && m.get("name") instanceof String n) {
          out.put(n, f);
        }
      }
    }
    return out;
  }

  private static String show(Object v) {
    if (v == null) {
      return "absent";
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, x) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(show(x)));
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(SchemaDiff::show).toList().toString().replace(" ", "");
    }
    if (v instanceof Optional<?>) {
      return "null";
    }
    return v.toString();
  }
}
