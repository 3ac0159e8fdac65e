package dev.personalize4j.testing.robustness;

import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertClientError;
import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertTypedClientError;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random paths, methods and {@code X-Amz-Target} values: the emulator answers with a 4xx and a JSON
 * message, and never routes a request it does not know to an operation.
 */
class RoutingProperties {
  private static final Set<String> KNOWN_PATHS = Set.of("/", "/recommendations", "/personalize-ranking",
      "/action-recommendations", "/events", "/items", "/users", "/actions", "/action-interactions");
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

  @Property(tries = 500)
  void unknownPathsGetA4xx(@ForAll("methods") String method, @ForAll("paths") String path,
      @ForAll("templates") String body) {
    assertClientError(client.send(method, path, Optional.empty(), "application/json",
        body.getBytes(StandardCharsets.UTF_8)), method + " " + path);
  }

  @Property(tries = 200)
  void knownPathsWithTheWrongMethodGetA4xx(@ForAll("wrongMethods") String method,
      @ForAll("knownPaths") String path, @ForAll("templates") String body) {
    assertClientError(client.send(method, path, Optional.of("AmazonPersonalize.ListDatasetGroups"),
        "application/json", body.getBytes(StandardCharsets.UTF_8)), method + " " + path);
  }

  @Property(tries = 600)
  void unknownTargetsGetATyped4xx(@ForAll("targets") String target, @ForAll("templates") String body) {
    assertTypedClientError(client.send("POST", "/", Optional.of(target), "application/x-amz-json-1.1",
        body.getBytes(StandardCharsets.UTF_8)), "X-Amz-Target " + target);
  }

  @Example
  void controlPlaneWithoutATargetGetsATyped4xx() {
    assertTypedClientError(client.send("POST", "/", Optional.empty(), "application/x-amz-json-1.1",
        "{}".getBytes(StandardCharsets.UTF_8)), "no X-Amz-Target");
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("POST", "GET", "PUT", "DELETE", "PATCH");
  }

  @Provide
  Arbitrary<String> wrongMethods() {
    return Arbitraries.of("GET", "PUT", "DELETE", "PATCH");
  }

  @Provide
  Arbitrary<String> knownPaths() {
    return Arbitraries.of(KNOWN_PATHS);
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%2F")
        .ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.matches(".*%(?![0-9A-Fa-f]{2}).*"));
    Arbitrary<String> random = segment.list().ofMinSize(1).ofMaxSize(6).map(l -> "/" + String.join("/", l));
    Arbitrary<String> nearMisses = Arbitraries.of(KNOWN_PATHS).filter(p -> !p.equals("/"))
        .flatMap(p -> Arbitraries.of(p + "/", p + "/x", p.toUpperCase(), p + "s", "/2018-05-22" + p, p + "/.."));
    return Arbitraries.oneOf(random, nearMisses).filter(p -> !KNOWN_PATHS.contains(p));
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(200);
    Arbitrary<String> op = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40);
    return Arbitraries.oneOf(
        printable,
        op.map(o -> "AmazonPersonalize." + o),
        Arbitraries.of("CreateCampaign", "DescribeCampaign", "ListDatasetGroups", "GetRecommendations", "PutEvents")
            .flatMap(o -> Arbitraries.of("AmazonPersonalize." + o.toLowerCase(), "AmazonPersonalize" + o,
                "AmazonPersonalizeRuntime." + o, o, "AmazonPersonalize." + o + ".", "amazonpersonalize." + o,
                "AmazonPersonalize.." + o, " AmazonPersonalize." + o + "x")))
        .filter(t -> !t.matches("AmazonPersonalize\\.(ListDatasetGroups|ListCampaigns|DescribeCampaign|CreateCampaign)"));
  }

  @Provide
  Arbitrary<String> templates() {
    return Arbitraries.oneOf(Arbitraries.of(Operation.values()).map(Operation::template),
        Arbitraries.just("{}"), Arbitraries.just(""));
  }
}
