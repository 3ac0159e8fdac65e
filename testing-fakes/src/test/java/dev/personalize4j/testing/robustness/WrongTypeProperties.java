package dev.personalize4j.testing.robustness;

import static dev.personalize4j.testing.robustness.RawEmulatorClient.MAPPER;
import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertTypedClientError;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Well-formed JSON with one member of the wrong JSON type (a number for a string, a string for a
 * list, ...) or one member removed: always a typed 4xx with a message.
 */
class WrongTypeProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static RawEmulatorClient client;

  @BeforeContainer
  static void start() {
    client = new RawEmulatorClient();
  }

  @AfterContainer
  static void stop() {
    client.close();
  }

  @AfterProperty
  void emulatorStillAnswers() {
    client.assertAlive();
  }

  /** One mutated request: the operation, the member's JSON pointer and the body sent. */
  record Mutation(Operation op, String pointer, String body) {
    @Override
    public String toString() {
      return op + " " + pointer + ": " + body;
    }
  }

  @Property(tries = 1500)
  void aMemberOfTheWrongTypeGetsA4xx(@ForAll("wrongTypes") Mutation m) {
    assertTypedClientError(client.send(m.op(), m.body()), m.toString());
  }

  @Property(tries = 400)
  void aMissingMemberGetsA4xx(@ForAll("removals") Mutation m) {
    assertTypedClientError(client.send(m.op(), m.body()), m.toString());
  }

  @Provide
  Arbitrary<Mutation> wrongTypes() {
    return Arbitraries.of(Operation.FUZZED).flatMap(op -> {
      JsonNode template = parse(op);
      List<JsonPointer> members = members(template, JsonPointer.compile(""));
      return Arbitraries.of(members).flatMap(p -> Arbitraries.of(wrongValuesFor(template.at(p)))
          .map(v -> new Mutation(op, p.toString(), replaced(template, p, v).toString())));
    });
  }

  @Provide
  Arbitrary<Mutation> removals() {
    return Arbitraries.of(Operation.FUZZED).flatMap(op -> {
      JsonNode template = parse(op);
      List<JsonPointer> members = members(template, JsonPointer.compile(""));
      return Arbitraries.of(members).map(p -> new Mutation(op, p.toString(), removed(template, p).toString()));
    });
  }

  private static JsonNode parse(Operation op) {
    try {
      return MAPPER.readTree(op.template());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every member and list element below the root, depth first. */
  private static List<JsonPointer> members(JsonNode node, JsonPointer at) {
    List<JsonPointer> out = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(name -> {
        JsonPointer child = at.appendProperty(name);
        out.add(child);
        out.addAll(members(node.get(name), child));
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonPointer child = at.appendIndex(i);
        out.add(child);
        out.addAll(members(node.get(i), child));
      }
    }
    return out;
  }

  /** Values whose JSON type differs from {@code original}'s (an integer is not a valid float member and vice versa where the model says so). */
  private static List<JsonNode> wrongValuesFor(JsonNode original) {
    List<JsonNode> all = List.of(
        F.textNode("x"), F.textNode(""), F.textNode("10"), F.numberNode(7), F.numberNode(-1),
        F.numberNode(2.5), F.booleanNode(true), F.arrayNode(), F.arrayNode().add("x"), F.objectNode(),
        F.objectNode().put("a", "b"));
    return all.stream().filter(v -> wrongFor(original, v)).toList();
  }

  private static boolean wrongFor(JsonNode original, JsonNode v) {
    if (original.isTextual()) {
      return !v.isTextual();
    }
    if (original.isIntegralNumber()) {
      return !v.isIntegralNumber();
    }
    if (original.isNumber()) {
      return !v.isNumber();
    }
    if (original.isBoolean()) {
      return !v.isBoolean();
    }
    if (original.isArray()) {
      return !v.isArray();
    }
    return !v.isObject();
  }

  private static JsonNode replaced(JsonNode template, JsonPointer p, JsonNode value) {
    JsonNode copy = template.deepCopy();
    JsonNode parent = copy.at(p.head());
    if (parent instanceof ObjectNode o) {
      o.set(p.last().getMatchingProperty(), value);
    } else {
      ((ArrayNode) parent).set(p.last().getMatchingIndex(), value);
    }
    return copy;
  }

  private static JsonNode removed(JsonNode template, JsonPointer p) {
    JsonNode copy = template.deepCopy();
    JsonNode parent = copy.at(p.head());
    if (parent instanceof ObjectNode o) {
      o.remove(p.last().getMatchingProperty());
    } else {
      ((ArrayNode) parent).remove(p.last().getMatchingIndex());
    }
    return copy;
  }
}
