package dev.personalize4j.testing.robustness;

import static dev.personalize4j.testing.robustness.RawEmulatorClient.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.ImportMode;

/**
 * Random but well-formed requests to resources that exist (trained campaigns, filters, a tracker,
 * datasets), so they reach the engine: random user ids (any Unicode, escaped lone surrogates
 * included), result counts, contexts, filter values, promotions, candidate lists, events and
 * record properties. Every answer is a 200 with a sane body or a 4xx with a JSON message.
 */
class LiveCampaignProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Escapes every non-ASCII character, so lone surrogates travel as {@code \\uD800} escapes. */
  private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static RawEmulatorClient client;
  private static Path data;
  private static String upCampaign;
  private static String simsCampaign;
  private static String rankingCampaign;
  private static String categoryFilter;
  private static String purchasedFilter;
  private static String trackingId;
  private static String itemsDataset;
  private static String interactionsDataset;

  @BeforeContainer
  static void provision() throws IOException {
    data = Files.createTempDirectory("robustness-data");
    Path bucket = Files.createDirectories(data.resolve("fuzz"));
    StringBuilder items = new StringBuilder("ITEM_ID,PRICE,CATEGORY_L1\n");
    for (int i = 0; i < 100; i++) {
      items.append("i").append(i).append(',').append(i % 17).append(".5,c").append(i % 5).append('\n');
    }
    Files.writeString(bucket.resolve("items.csv"), items);
    StringBuilder interactions = new StringBuilder("USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP\n");
    for (int u = 0; u < 30; u++) {
      for (int k = 0; k < 40; k++) {
        interactions.append("u").append(u).append(",i").append((u * 7 + k * 3) % 100)
            .append(k % 5 == 0 ? ",Purchase," : ",View,").append(1_733_000_000L + u * 100 + k).append('\n');
      }
    }
    Files.writeString(bucket.resolve("interactions.csv"), interactions);
    client = new RawEmulatorClient(data);
    try (PersonalizeClient control = PersonalizeClient.builder()
        .endpointOverride(client.emulator().endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build()) {
      String group = control.createDatasetGroup(b -> b.name("fuzz")).datasetGroupArn();
      await(() -> control.describeDatasetGroup(b -> b.datasetGroupArn(group)).datasetGroup().status());
      String interactionsSchema = control.createSchema(b -> b.name("fuzz-interactions").schema(
          "{\"type\":\"record\",\"name\":\"Interactions\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
              + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
              + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"},{\"name\":\"EVENT_TYPE\",\"type\":\"string\"},"
              + "{\"name\":\"DEVICE\",\"type\":[\"null\",\"string\"],\"categorical\":true}],\"version\":\"1.0\"}"))
          .schemaArn();
      String itemsSchema = control.createSchema(b -> b.name("fuzz-items").schema(
          "{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
              + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"PRICE\",\"type\":\"float\"},"
              + "{\"name\":\"CATEGORY_L1\",\"type\":\"string\",\"categorical\":true}],\"version\":\"1.0\"}"))
          .schemaArn();
      interactionsDataset = dataset(control, group, "fuzz-interactions", "Interactions", interactionsSchema);
      itemsDataset = dataset(control, group, "fuzz-items", "Items", itemsSchema);
      importJob(control, "fuzz-items", itemsDataset, "s3://fuzz/items.csv");
      importJob(control, "fuzz-interactions", interactionsDataset, "s3://fuzz/interactions.csv");
      upCampaign = campaign(control, group, "up", "aws-user-personalization");
      simsCampaign = campaign(control, group, "sims", "aws-similar-items");
      rankingCampaign = campaign(control, group, "ranking", "aws-personalized-ranking");
      categoryFilter = filter(control, group, "by-category", "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY)");
      purchasedFilter = filter(control, group, "not-purchased",
          "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")");
      trackingId = control.createEventTracker(b -> b.name("fuzz-tracker").datasetGroupArn(group)).trackingId();
    }
  }

  private static String dataset(PersonalizeClient control, String group, String name, String type, String schema) {
    String arn = control.createDataset(b -> b.name(name).datasetGroupArn(group).datasetType(type).schemaArn(schema))
        .datasetArn();
    await(() -> control.describeDataset(b -> b.datasetArn(arn)).dataset().status());
    return arn;
  }

  private static void importJob(PersonalizeClient control, String name, String dataset, String location) {
    String arn = control.createDatasetImportJob(b -> b.jobName(name).datasetArn(dataset)
        .dataSource(DataSource.builder().dataLocation(location).build()).importMode(ImportMode.FULL)
        .roleArn("arn:aws:iam::000000000000:role/import")).datasetImportJobArn();
    await(() -> control.describeDatasetImportJob(b -> b.datasetImportJobArn(arn)).datasetImportJob().status());
  }

  private static String campaign(PersonalizeClient control, String group, String name, String recipe) {
    String solution = control.createSolution(b -> b.name(name).datasetGroupArn(group)
        .recipeArn("arn:aws:personalize:::recipe/" + recipe)).solutionArn();
    await(() -> control.describeSolution(b -> b.solutionArn(solution)).solution().status());
    String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
    await(() -> control.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion().status());
    String campaign = control.createCampaign(b -> b.name(name + "-campaign").solutionVersionArn(version)).campaignArn();
    await(() -> control.describeCampaign(b -> b.campaignArn(campaign)).campaign().status());
    return campaign;
  }

  private static String filter(PersonalizeClient control, String group, String name, String expression) {
    String arn = control.createFilter(b -> b.name(name).datasetGroupArn(group).filterExpression(expression)).filterArn();
    await(() -> control.describeFilter(b -> b.filterArn(arn)).filter().status());
    return arn;
  }

  private static void await(Supplier<String> status) {
    String s = "";
    for (int i = 0; i < 50; i++) {
      s = status.get();
      if (s.equals("ACTIVE")) {
        return;
      }
    }
    throw new IllegalStateException("provisioning did not reach ACTIVE (last status " + s + ")");
  }

  @AfterContainer
  static void stop() throws IOException {
    client.close();
    try (var walk = Files.walk(data)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The engine still recommends after whatever came before. */
  @AfterProperty
  void campaignStillAnswers() {
    HttpResponse<String> r = client.send(Operation.GET_RECOMMENDATIONS,
        "{\"campaignArn\":\"" + upCampaign + "\",\"userId\":\"u1\",\"numResults\":5}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r.body()).path("itemList").size()).isEqualTo(5);
  }

  private static JsonNode json(String body) {
    try {
      return RawEmulatorClient.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(ObjectNode node) {
    try {
      return ASCII.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 200 whose body is a JSON object, or a 4xx with a JSON message; never anything else. */
  private static Optional<JsonNode> okOrClientError(HttpResponse<String> r, String sent) {
    Statistics.label("status").collect(r.statusCode() == 200 ? "200" : "4xx");
    if (r.statusCode() == 200) {
      JsonNode body = json(r.body().isEmpty() ? "{}" : r.body());
      assertThat(body.isObject()).as("200 body for %s: %s", sent, r.body()).isTrue();
      return Optional.of(body);
    }
    assertClientError(r, sent);
    return Optional.empty();
  }

  /** Mostly a plausible id, sometimes anything. */
  private static Arbitrary<String> id(String prefix, int max) {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 120).map(n -> prefix + n)),
        net.jqwik.api.Tuple.of(2, anyString(max)));
  }

  private static <T> Arbitrary<T> mostly(T plausible, Arbitrary<T> wild) {
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just(plausible)),
        net.jqwik.api.Tuple.of(2, wild));
  }

  private static Arbitrary<String> anyString(int max) {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(max),
        Arbitraries.strings().alpha().numeric().withChars("-_.:/ \"\\,$|").ofMaxLength(max),
        Arbitraries.of("u1", "u2", "i1", "i42", "null", "", " ", "\"", "\\", "$CATEGORY", "c1", "\"c1\"", "\"c1\",\"c2\""));
  }

  @Provide
  Arbitrary<ObjectNode> recommendationRequests() {
    Arbitrary<Map<String, String>> maps = Arbitraries.maps(anyString(40), anyString(60)).ofMaxSize(8);
    return Builders.withBuilder(() -> F.objectNode())
        .use(Arbitraries.of(1, 2, 3)).in((o, c) -> o.put("campaignArn", c == 1 ? upCampaign : c == 2 ? simsCampaign
            : rankingCampaign))
        .use(id("u", 300)).withProbability(0.9).in((o, u) -> o.put("userId", u))
        .use(id("i", 300)).withProbability(0.4).in((o, i) -> o.put("itemId", i))
        .use(Arbitraries.integers().between(-5, 600)).withProbability(0.7).in((o, n) -> o.put("numResults", n))
        .use(maps).withProbability(0.4).in((o, m) -> {
          ObjectNode c = o.putObject("context");
          m.forEach(c::put);
          return o;
        })
        .use(Arbitraries.of(1, 2, 3)).withProbability(0.5).in((o, f) -> o.put("filterArn",
            f == 1 ? categoryFilter : f == 2 ? purchasedFilter : "arn:aws:personalize:us-east-1:000000000000:filter/x"))
        .use(maps).withProbability(0.5).in((o, m) -> {
          ObjectNode v = o.putObject("filterValues");
          m.forEach(v::put);
          return o;
        })
        .use(Arbitraries.of("\"c1\"", "\"c1\",\"c3\"", "c2", "\"", "", "\"unclosed")).withProbability(0.4)
        .in((o, v) -> o.putObject("filterValues").put("CATEGORY", v))
        .use(Arbitraries.integers().between(-10, 120)).withProbability(0.3).in((o, pct) -> {
          ObjectNode p = o.putArray("promotions").addObject();
          p.put("name", "promo").put("percentPromotedItems", pct).put("filterArn", categoryFilter);
          p.putObject("filterValues").put("CATEGORY", "\"c4\"");
          return o;
        })
        .use(Arbitraries.of(List.of("PRICE"), List.of("CATEGORY_L1", "PRICE"), List.of("NOPE"), List.<String>of()))
        .withProbability(0.3).in((o, cols) -> {
          ArrayNode a = o.putObject("metadataColumns").putArray("ITEMS");
          cols.forEach(a::add);
          return o;
        })
        .build(o -> o);
  }

  @Property(tries = 700)
  void recommendationsAnswerOrRefuseCleanly(@ForAll("recommendationRequests") ObjectNode request) {
    String body = text(request);
    okOrClientError(client.send(Operation.GET_RECOMMENDATIONS, body), body).ifPresent(r -> {
      assertThat(r.path("itemList").isArray()).as(r.toString()).isTrue();
      int asked = request.path("numResults").asInt(25);
      assertThat(r.path("itemList").size()).as("%s for %s", r, body).isLessThanOrEqualTo(asked);
      r.path("itemList").forEach(p -> assertThat(p.path("itemId").isTextual()).as(r.toString()).isTrue());
    });
    Statistics.label("status").coverage(c -> {
      c.check("200").percentage(p -> p >= 5);
      c.check("4xx").percentage(p -> p >= 5);
    });
  }

  @Provide
  Arbitrary<ObjectNode> rankingRequests() {
    Arbitrary<List<String>> candidates = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 130).list().ofMaxSize(600).map(l -> l.stream().map(i -> "i" + i).toList()),
        anyString(300).list().ofMaxSize(30));
    return Builders.withBuilder(() -> F.objectNode())
        .use(Arbitraries.of(1, 2)).in((o, c) -> o.put("campaignArn", c == 1 ? rankingCampaign : upCampaign))
        .use(id("u", 300)).withProbability(0.95).in((o, u) -> o.put("userId", u))
        .use(candidates).withProbability(0.95).in((o, l) -> {
          ArrayNode a = o.putArray("inputList");
          l.forEach(a::add);
          return o;
        })
        .use(Arbitraries.of(1, 2)).withProbability(0.3).in((o, f) -> o.put("filterArn", f == 1 ? categoryFilter
            : purchasedFilter))
        .use(Arbitraries.of("\"c1\"", "\"c2\",\"c3\"", "")).withProbability(0.3)
        .in((o, v) -> o.putObject("filterValues").put("CATEGORY", v))
        .build(o -> o);
  }

  @Property(tries = 500)
  void rankingAnswersOrRefusesCleanly(@ForAll("rankingRequests") ObjectNode request) {
    String body = text(request);
    okOrClientError(client.send(Operation.GET_PERSONALIZED_RANKING, body), body).ifPresent(r -> {
      JsonNode ranking = r.path("personalizedRanking");
      assertThat(ranking.isArray()).as(r.toString()).isTrue();
      assertThat(ranking.size()).as("%s for %s", r, body).isLessThanOrEqualTo(request.path("inputList").size());
    });
    Statistics.label("status").coverage(c -> {
      c.check("200").percentage(p -> p >= 5);
      c.check("4xx").percentage(p -> p >= 5);
    });
  }

  @Provide
  Arbitrary<ObjectNode> eventBatches() {
    Arbitrary<String> properties = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("{\"device\":\"mobile\"}", "{\"device\":\"web\"}")),
        net.jqwik.api.Tuple.of(1, anyString(1100)),
        net.jqwik.api.Tuple.of(3, Arbitraries.maps(
            Arbitraries.of("device", "DEVICE", "userId", "nope", "", "dev ice"), anyString(30))
            .ofMaxSize(3).map(m -> {
              ObjectNode p = F.objectNode();
              m.forEach(p::put);
              return text(p);
            })));
    Arbitrary<ObjectNode> event = Builders.withBuilder(() -> F.objectNode())
        .use(mostly("View", anyString(300))).withProbability(0.97).in((o, t) -> o.put("eventType", t))
        .use(mostly(1.7333184015E9, Arbitraries.oneOf(
            Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L).map(l -> (double) l),
            Arbitraries.doubles()))).withProbability(0.97).in((o, t) -> o.put("sentAt", t))
        .use(id("i", 300)).withProbability(0.95).in((o, i) -> o.put("itemId", i))
        .use(id("e", 300)).withProbability(0.5).in((o, i) -> o.put("eventId", i))
        .use(Arbitraries.doubles()).withProbability(0.3).in((o, v) -> o.put("eventValue", v))
        .use(properties).withProbability(0.5).in((o, p) -> o.put("properties", p))
        .use(anyString(60)).withProbability(0.2).in((o, r) -> o.put("recommendationId", r))
        .use(anyString(20).list().ofMaxSize(30)).withProbability(0.2).in((o, l) -> {
          ArrayNode a = o.putArray("impression");
          l.forEach(a::add);
          return o;
        })
        .build(o -> o);
    return Builders.withBuilder(() -> F.objectNode())
        .use(Arbitraries.of(1, 1, 1, 2)).in((o, t) -> o.put("trackingId", t == 1 ? trackingId : "unknown-tracker"))
        .use(id("s", 300)).withProbability(0.97).in((o, s) -> o.put("sessionId", s))
        .use(id("u", 300)).withProbability(0.7).in((o, u) -> o.put("userId", u))
        .use(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, event.list().ofMinSize(1).ofMaxSize(3)),
            net.jqwik.api.Tuple.of(2, event.list().ofMaxSize(12)))).withProbability(0.95).in((o, l) -> {
          ArrayNode a = o.putArray("eventList");
          l.forEach(a::add);
          return o;
        })
        .build(o -> o);
  }

  @Property(tries = 700)
  void eventsAreAcceptedOrRefusedCleanly(@ForAll("eventBatches") ObjectNode request) {
    String body = text(request);
    okOrClientError(client.send(Operation.PUT_EVENTS, body), body);
    Statistics.label("status").coverage(c -> {
      c.check("200").percentage(p -> p >= 5);
      c.check("4xx").percentage(p -> p >= 5);
    });
  }

  @Provide
  Arbitrary<ObjectNode> itemBatches() {
    Arbitrary<String> properties = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of("{\"price\":1.5,\"categoryL1\":\"c1\"}", "{\"price\":9}")),
        net.jqwik.api.Tuple.of(1, anyString(200)),
        net.jqwik.api.Tuple.of(3, Arbitraries.maps(Arbitraries.of("price", "categoryL1", "PRICE", "other", ""),
            Arbitraries.oneOf(anyString(20).map(s -> (Object) s), Arbitraries.doubles().map(d -> (Object) d)))
            .ofMaxSize(3).map(m -> {
              ObjectNode p = F.objectNode();
              m.forEach((k, v) -> p.putPOJO(k, v));
              return text(p);
            })));
    Arbitrary<ObjectNode> item = Builders.withBuilder(() -> F.objectNode())
        .use(id("i", 300)).withProbability(0.97).in((o, i) -> o.put("itemId", i))
        .use(properties).withProbability(0.8).in((o, p) -> o.put("properties", p))
        .build(o -> o);
    return Builders.withBuilder(() -> F.objectNode())
        .use(Arbitraries.of(1, 1, 1, 2)).in((o, d) -> o.put("datasetArn", d == 1 ? itemsDataset : interactionsDataset))
        .use(Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, item.list().ofMinSize(1).ofMaxSize(3)),
            net.jqwik.api.Tuple.of(2, item.list().ofMaxSize(12)))).withProbability(0.95).in((o, l) -> {
          ArrayNode a = o.putArray("items");
          l.forEach(a::add);
          return o;
        })
        .build(o -> o);
  }

  @Property(tries = 400)
  void itemsAreAcceptedOrRefusedCleanly(@ForAll("itemBatches") ObjectNode request) {
    String body = text(request);
    okOrClientError(client.send(Operation.PUT_ITEMS, body), body);
    Statistics.label("status").coverage(c -> {
      c.check("200").percentage(p -> p >= 5);
      c.check("4xx").percentage(p -> p >= 5);
    });
  }
}
