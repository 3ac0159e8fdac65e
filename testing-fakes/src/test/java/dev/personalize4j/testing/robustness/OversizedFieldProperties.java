package dev.personalize4j.testing.robustness;

import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertTypedClientError;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fields past the service's limits (ids over 256 characters, more than 500 results or candidates,
 * more than 10 events or records, properties over their size, names over 63 characters): always a
 * typed 4xx with a message. Limits are those of shared/reference/personalize-api.md §A.1, §B.1, §C.2.
 */
class OversizedFieldProperties {
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

  /** One oversized request. */
  record Oversized(Operation op, String what, String body) {
    @Override
    public String toString() {
      return op + " with " + what;
    }
  }

  @Property(tries = 600)
  void oversizedFieldsGetA4xx(@ForAll("oversized") Oversized o) {
    assertTypedClientError(client.send(o.op(), o.body()), o.toString() + ": " + o.body());
  }

  @Property(tries = 100)
  void hugeStringsAnywhereGetA4xx(@ForAll @IntRange(min = 100_000, max = 1_000_000) int length,
      @ForAll("fuzzedOps") Operation op) {
    String huge = "u".repeat(length);
    String body = op.template().replaceFirst("\"(u1|i1|s1|c1|t1|f1|ds1|sol1)\"", "\"" + huge + "\"");
    if (body.equals(op.template())) {
      body = op.template().replaceFirst("none", huge);
    }
    assertTypedClientError(client.send(op, body), op + " with a string of " + length + " characters");
  }

  @Provide
  Arbitrary<Operation> fuzzedOps() {
    return Arbitraries.of(Operation.FUZZED);
  }

  @Provide
  Arbitrary<Oversized> oversized() {
    Arbitrary<String> longId = Arbitraries.strings().alpha().numeric().ofMinLength(257).ofMaxLength(3000);
    Arbitrary<String> longName = Arbitraries.strings().alpha().numeric().ofMinLength(64).ofMaxLength(500);
    Arbitrary<Integer> tooManyResults = Arbitraries.oneOf(
        Arbitraries.integers().between(501, 100_000), Arbitraries.integers().between(-1000, 0),
        Arbitraries.just(Integer.MAX_VALUE), Arbitraries.just(Integer.MIN_VALUE));
    return Arbitraries.oneOf(
        longId.map(id -> new Oversized(Operation.GET_RECOMMENDATIONS, "a userId of " + id.length(),
            Operation.GET_RECOMMENDATIONS.template().replace("\"u1\"", quote(id)))),
        tooManyResults.map(n -> new Oversized(Operation.GET_RECOMMENDATIONS, "numResults " + n,
            Operation.GET_RECOMMENDATIONS.template().replace("\"numResults\":10", "\"numResults\":" + n))),
        Arbitraries.integers().between(151, 400).map(n -> new Oversized(Operation.GET_RECOMMENDATIONS,
            n + " context entries", Operation.GET_RECOMMENDATIONS.template()
                .replace("{\"DEVICE\":\"mobile\"}", mapOf(n)))),
        Arbitraries.integers().between(501, 3000).map(n -> new Oversized(Operation.GET_PERSONALIZED_RANKING,
            n + " candidates", Operation.GET_PERSONALIZED_RANKING.template()
                .replace("[\"i1\",\"i2\",\"i3\"]", listOf(n)))),
        longId.map(id -> new Oversized(Operation.GET_PERSONALIZED_RANKING, "a candidate of " + id.length(),
            Operation.GET_PERSONALIZED_RANKING.template().replace("\"i2\"", quote(id)))),
        Arbitraries.integers().between(11, 200).map(n -> new Oversized(Operation.PUT_EVENTS, n + " events",
            Operation.PUT_EVENTS.template().replaceFirst("(?s)\\[(\\{.*\\})\\]\\}$", "[" + repeat("$1", n) + "]}"))),
        longId.map(id -> new Oversized(Operation.PUT_EVENTS, "a sessionId of " + id.length(),
            Operation.PUT_EVENTS.template().replace("\"s1\"", quote(id)))),
        longId.map(id -> new Oversized(Operation.PUT_EVENTS, "an itemId of " + id.length(),
            Operation.PUT_EVENTS.template().replace("\"itemId\":\"i1\"", "\"itemId\":" + quote(id)))),
        Arbitraries.integers().between(41, 1000).map(n -> new Oversized(Operation.PUT_EVENTS,
            "a recommendationId of " + n, Operation.PUT_EVENTS.template().replace("\"RID-1\"", quote("r".repeat(n))))),
        Arbitraries.integers().between(26, 300).map(n -> new Oversized(Operation.PUT_EVENTS, n + " impressions",
            Operation.PUT_EVENTS.template().replace("[\"i1\",\"i2\"]", listOf(n)))),
        Arbitraries.integers().between(1025, 20_000).map(n -> new Oversized(Operation.PUT_EVENTS,
            "properties of " + n, Operation.PUT_EVENTS.template()
                .replace("\"{\\\"device\\\":\\\"mobile\\\"}\"", propertiesOf(n)))),
        Arbitraries.integers().between(11, 200).map(n -> new Oversized(Operation.PUT_ITEMS, n + " items",
            Operation.PUT_ITEMS.template().replaceFirst("(?s)\\[(\\{.*\\})\\]\\}$", "[" + repeat("$1", n) + "]}"))),
        Arbitraries.integers().between(32_001, 100_000).map(n -> new Oversized(Operation.PUT_ITEMS,
            "item properties of " + n, Operation.PUT_ITEMS.template()
                .replace("\"{\\\"price\\\":9.99}\"", propertiesOf(n)))),
        longId.map(id -> new Oversized(Operation.PUT_USERS, "a userId of " + id.length(),
            Operation.PUT_USERS.template().replace("\"u1\"", quote(id)))),
        Arbitraries.integers().between(11, 200).map(n -> new Oversized(Operation.PUT_USERS, n + " users",
            Operation.PUT_USERS.template().replaceFirst("(?s)\\[(\\{.*\\})\\]\\}$", "[" + repeat("$1", n) + "]}"))),
        longName.map(name -> new Oversized(Operation.CREATE_SOLUTION, "a name of " + name.length(),
            Operation.CREATE_SOLUTION.template().replace("\"sol1\"", quote(name)))),
        longName.map(name -> new Oversized(Operation.CREATE_EVENT_TRACKER, "a name of " + name.length(),
            Operation.CREATE_EVENT_TRACKER.template().replace("\"t1\"", quote(name)))),
        Arbitraries.integers().between(2501, 10_000).map(n -> new Oversized(Operation.CREATE_FILTER,
            "a filter expression of " + n, Operation.CREATE_FILTER.template()
                .replace("\\\"Purchase\\\"", "\\\"" + "p".repeat(n) + "\\\""))),
        Arbitraries.integers().between(2049, 10_000).map(n -> new Oversized(Operation.DESCRIBE_CAMPAIGN,
            "an ARN of " + n, Operation.DESCRIBE_CAMPAIGN.template().replace("none", "n".repeat(n)))));
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String repeat(String element, int n) {
    return IntStream.range(0, n).mapToObj(i -> element).collect(Collectors.joining(","));
  }

  private static String listOf(int n) {
    return IntStream.range(0, n).mapToObj(i -> "\"i" + i + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  private static String mapOf(int n) {
    return IntStream.range(0, n).mapToObj(i -> "\"K" + i + "\":\"v\"").collect(Collectors.joining(",", "{", "}"));
  }

  /** A properties JSON string of exactly {@code length} characters, escaped as a JSON string member. */
  private static String propertiesOf(int length) {
    String inner = "{\"description\":\"" + "d".repeat(Math.max(0, length - 18)) + "\"}";
    return quote(inner.replace("\"", "\\\""));
  }
}
