package dev.personalize4j.testing.robustness;

import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertClientError;
import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertTypedClientError;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random bytes, broken JSON and JSON that is not an object, sent to every operation: the emulator
 * answers each with a 4xx and a JSON message, never a 500, a hang or a dropped connection.
 */
class MalformedRequestProperties {
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

  @Provide
  Arbitrary<Operation> operations() {
    return Arbitraries.of(Operation.FUZZED);
  }

  @Property(tries = 700)
  void randomBytesGetA4xx(@ForAll("operations") Operation op, @ForAll("bytes") byte[] body) {
    assertClientError(client.send(op, body), "bytes " + new String(body, StandardCharsets.ISO_8859_1));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }

  @Property(tries = 700)
  void mangledTemplatesGetA4xx(@ForAll("mangled") Mangled m) {
    assertTypedClientError(client.send(m.op(), m.body()), m.body());
  }

  /** A template cut short, or with a character inserted, deleted or replaced at a random place. */
  record Mangled(Operation op, String body) {}

  @Provide
  Arbitrary<Mangled> mangled() {
    return operations().flatMap(op -> {
      String t = op.template();
      Arbitrary<Integer> at = Arbitraries.integers().between(0, t.length() - 1);
      Arbitrary<Character> c = Arbitraries.oneOf(
          Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', '\n', '1', 'e', '-', '.', 'n'),
          Arbitraries.chars());
      Arbitrary<String> truncated = at.map(i -> t.substring(0, i));
      Arbitrary<String> inserted = Combinators.combine(at, c).as((i, ch) -> t.substring(0, i) + ch + t.substring(i));
      Arbitrary<String> replaced = Combinators.combine(at, c).as((i, ch) -> t.substring(0, i) + ch + t.substring(i + 1));
      Arbitrary<String> deleted = at.map(i -> t.substring(0, i) + t.substring(i + 1));
      return Arbitraries.oneOf(truncated, inserted, replaced, deleted).map(b -> new Mangled(op, b));
    });
  }

  @Property(tries = 300)
  void jsonThatIsNotAnObjectGetsA4xx(@ForAll("operations") Operation op, @ForAll("notObjects") String body) {
    assertTypedClientError(client.send(op, body), body);
  }

  @Provide
  Arbitrary<String> notObjects() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "null", "true", "false", "0", "-1", "1e400", "[]", "[{}]", "\"{}\"", "{}{}", "{} x"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.strings().ofMaxLength(50).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""),
        Arbitraries.integers().between(1, 5000).map(n -> "[".repeat(n) + "]".repeat(n)),
        Arbitraries.integers().between(1, 5000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
  }

  @Example
  void deeplyNestedObjectsGetA4xx() {
    for (Operation op : Operation.FUZZED) {
      String body = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
      assertClientError(client.send(op, body), "100,000 nested arrays");
    }
  }

  @Example
  void enormousNumbersGetA4xx() {
    String digits = "9".repeat(200_000);
    assertClientError(client.send(Operation.GET_RECOMMENDATIONS,
        Operation.GET_RECOMMENDATIONS.template().replace("\"numResults\":10", "\"numResults\":" + digits)),
        "a numResults of 200,000 digits");
    assertClientError(client.send(Operation.PUT_EVENTS,
        Operation.PUT_EVENTS.template().replace("1733318401.000", "1" + digits + ".5")), "a sentAt of 200,000 digits");
    assertClientError(client.send(Operation.PUT_EVENTS,
        Operation.PUT_EVENTS.template().replace("1733318401.000", "1e999999999")), "a sentAt of 1e999999999");
  }

  @Example
  void aFewMegabytesOfGarbageGetA4xx() {
    byte[] body = new byte[4 * 1024 * 1024];
    new java.util.Random(7).nextBytes(body);
    for (Operation op : Operation.FUZZED) {
      assertClientError(client.send(op, body), "4 MiB of random bytes");
    }
  }

  @Example
  void invalidUtf8InsideStringsGetsA4xx() {
    byte[] t = Operation.GET_RECOMMENDATIONS.template().getBytes(StandardCharsets.UTF_8);
    String s = new String(t, StandardCharsets.UTF_8);
    int at = s.indexOf("\"u1\"") + 1;
    byte[] body = new byte[t.length + 2];
    System.arraycopy(t, 0, body, 0, at);
    body[at] = (byte) 0xC3;
    body[at + 1] = (byte) 0x28;
    System.arraycopy(t, at, body, at + 2, t.length - at);
    assertClientError(client.send(Operation.GET_RECOMMENDATIONS, body), "invalid UTF-8 in userId");
  }
}
