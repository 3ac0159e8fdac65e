package dev.personalize4j.testing.emulator.internal;

import static dev.personalize4j.testing.emulator.internal.Resource.Kind.CAMPAIGN;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.DATASET;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.DATASET_GROUP;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.DATASET_IMPORT_JOB;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.EVENT_TRACKER;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.FILTER;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.RECOMMENDER;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.SCHEMA;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.SOLUTION;
import static dev.personalize4j.testing.emulator.internal.Resource.Kind.SOLUTION_VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personalize4j.testing.internal.FilterExpression;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** The awsJson1_1 control plane ({@code X-Amz-Target: AmazonPersonalize.<Op>}). */
final class ControlPlane {
  private static final Set<String> DOMAINS = Set.of("ECOMMERCE", "VIDEO_ON_DEMAND");
  private static final String LATEST = "/$LATEST";

  private final State state;

  ControlPlane(State state) {
    this.state = state;
  }

  /** Runs {@code operation}; unknown operations fail with UnknownOperationException. */
  ObjectNode handle(String operation, Req in) {
    synchronized (state) {
      state.settle();
      return switch (operation) {
        case "CreateDatasetGroup" -> createDatasetGroup(in);
        case "DescribeDatasetGroup" -> describe(in, DATASET_GROUP, "datasetGroupArn", "datasetGroup", this::datasetGroup);
        case "ListDatasetGroups" -> list(in, DATASET_GROUP, r -> true, "datasetGroups", this::datasetGroupSummary);
        case "DeleteDatasetGroup" -> deleteDatasetGroup(in);
        case "CreateSchema" -> createSchema(in);
        case "DescribeSchema" -> describe(in, SCHEMA, "schemaArn", "schema", this::schema);
        case "ListSchemas" -> list(in, SCHEMA, r -> true, "schemas", this::schemaSummary);
        case "DeleteSchema" -> deleteSchema(in);
        case "CreateDataset" -> createDataset(in);
        case "DescribeDataset" -> describe(in, DATASET, "datasetArn", "dataset", this::dataset);
        case "ListDatasets" -> list(in, DATASET, parent(in, "datasetGroupArn"), "datasets", this::datasetSummary);
        case "DeleteDataset" -> deleteDataset(in);
        case "CreateDatasetImportJob" -> createImportJob(in);
        case "DescribeDatasetImportJob" ->
            describe(in, DATASET_IMPORT_JOB, "datasetImportJobArn", "datasetImportJob", this::importJob);
        case "ListDatasetImportJobs" ->
            list(in, DATASET_IMPORT_JOB, parent(in, "datasetArn"), "datasetImportJobs", this::importJobSummary);
        case "CreateSolution" -> createSolution(in);
        case "DescribeSolution" -> describe(in, SOLUTION, "solutionArn", "solution", this::solution);
        case "ListSolutions" -> list(in, SOLUTION, parent(in, "datasetGroupArn"), "solutions", this::solutionSummary);
        case "DeleteSolution" -> deleteSolution(in);
        case "CreateSolutionVersion" -> createSolutionVersion(in);
        case "DescribeSolutionVersion" ->
            describe(in, SOLUTION_VERSION, "solutionVersionArn", "solutionVersion", this::solutionVersion);
        case "ListSolutionVersions" ->
            list(in, SOLUTION_VERSION, parent(in, "solutionArn"), "solutionVersions", this::solutionVersionSummary);
        case "StopSolutionVersionCreation" -> stopSolutionVersion(in);
        case "CreateCampaign" -> createCampaign(in);
        case "DescribeCampaign" -> describe(in, CAMPAIGN, "campaignArn", "campaign", this::campaign);
        case "ListCampaigns" -> list(in, CAMPAIGN, campaignsOf(in), "campaigns", this::campaignSummary);
        case "UpdateCampaign" -> updateCampaign(in);
        case "DeleteCampaign" -> deleteSimple(in, CAMPAIGN, "campaignArn");
        case "CreateRecommender" -> createRecommender(in);
        case "DescribeRecommender" -> describe(in, RECOMMENDER, "recommenderArn", "recommender", this::recommender);
        case "ListRecommenders" ->
            list(in, RECOMMENDER, parent(in, "datasetGroupArn"), "recommenders", this::recommenderSummary);
        case "StartRecommender" -> startStopRecommender(in, true);
        case "StopRecommender" -> startStopRecommender(in, false);
        case "DeleteRecommender" -> deleteSimple(in, RECOMMENDER, "recommenderArn");
        case "CreateEventTracker" -> createEventTracker(in);
        case "DescribeEventTracker" -> describe(in, EVENT_TRACKER, "eventTrackerArn", "eventTracker", this::eventTracker);
        case "ListEventTrackers" ->
            list(in, EVENT_TRACKER, parent(in, "datasetGroupArn"), "eventTrackers", this::eventTrackerSummary);
        case "DeleteEventTracker" -> deleteSimple(in, EVENT_TRACKER, "eventTrackerArn");
        case "CreateFilter" -> createFilter(in);
        case "DescribeFilter" -> describe(in, FILTER, "filterArn", "filter", this::filter);
        case "ListFilters" -> list(in, FILTER, parent(in, "datasetGroupArn"), "Filters", this::filterSummary);
        case "DeleteFilter" -> deleteSimple(in, FILTER, "filterArn");
        case "UpdateDataset" -> updateDataset(in);
        case "TagResource" -> tagResource(in);
        case "UntagResource" -> untagResource(in);
        case "ListTagsForResource" -> listTags(in);
        case "DescribeRecipe" -> describeRecipe(in);
        case "ListRecipes" -> listRecipes(in);
        default -> throw ApiException.unknownOperation(
            "Operation AmazonPersonalize." + operation + " is not supported by the personalize4j emulator");
      };
    }
  }

  // ---------------------------------------------------------------- generic describe / list / delete

  private ObjectNode describe(Req in, Resource.Kind kind, String arnField, String wrapper,
      Function<Resource, ObjectNode> view) {
    Resource r = state.get(kind, in.requiredArn(arnField));
    ObjectNode out = Out.obj();
    out.set(wrapper, view.apply(r));
    return out;
  }

  private Predicate<Resource> parent(Req in, String field) {
    Optional<String> parent = in.str(field, 1, 256);
    return r -> parent.isEmpty() || parent.get().equals(r.parentArn);
  }

  private Predicate<Resource> campaignsOf(Req in) {
    Optional<String> solution = in.str("solutionArn", 1, 256);
    return r -> solution.isEmpty() || solution.get().equals(solutionOf(r.request.path("solutionVersionArn").asText()));
  }

  private ObjectNode list(Req in, Resource.Kind kind, Predicate<Resource> filter, String key,
      Function<Resource, ObjectNode> view) {
    int max = in.integer("maxResults").orElse(100);
    if (max < 1 || max > 100) {
      throw ApiException.invalidInput("maxResults must be between 1 and 100 but was " + max);
    }
    List<Resource> all = state.all(kind, filter);
    int offset = in.str("nextToken").map(t -> decodeToken(t, key, all.size())).orElse(0);
    ObjectNode out = Out.obj();
    ArrayNode page = out.putArray(key);
    int end = Math.min(all.size(), offset + max);
    for (int i = offset; i < end; i++) {
      page.add(view.apply(all.get(i)));
    }
    if (end < all.size()) {
      out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
          .encodeToString((key + ":" + end).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static int decodeToken(String token, String key, int size) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(key + ":")) {
        int offset = Integer.parseInt(text.substring(key.length() + 1));
        if (offset >= 0 && offset <= size) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw ApiException.invalidNextToken("The nextToken is not valid for this list call: " + abbreviate(token));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private void requireSettled(Resource r) {
    if (r.deleting()) {
      throw ApiException.inUse(State.label(r.kind) + " " + r.arn + " is being deleted (" + r.status + ")");
    }
    if (r.creating()) {
      throw ApiException.inUse(State.label(r.kind) + " " + r.arn + " is in " + r.status + " state");
    }
  }

  private void requireActive(Resource r) {
    requireSettled(r);
    if (!r.active()) {
      throw ApiException.inUse(State.label(r.kind) + " " + r.arn + " is not ACTIVE but " + r.status);
    }
  }

  private ObjectNode deleteSimple(Req in, Resource.Kind kind, String field) {
    Resource r = state.get(kind, in.requiredArn(field));
    requireSettled(r);
    state.delete(r);
    return Out.obj();
  }

  private void checkNew(String arn, Resource.Kind kind) {
    if (state.resources.containsKey(arn)) {
      throw ApiException.alreadyExists("A " + State.label(kind) + " with ARN " + arn + " already exists");
    }
  }

  private static void stamp(ObjectNode n, Resource r) {
    n.put("creationDateTime", Out.seconds(r.created));
    n.put("lastUpdatedDateTime", Out.seconds(r.updated));
  }

  private static void statusOf(ObjectNode n, Resource r) {
    n.put("status", r.status);
    Out.opt(n, "failureReason", r.failureReason);
  }

  private static void copy(ObjectNode to, ObjectNode from, String... names) {
    for (String name : names) {
      JsonNode v = from.get(name);
      if (v != null && !v.isNull()) {
        to.set(name, v.deepCopy());
      }
    }
  }

  private static ObjectNode requestOf(Req in) {
    ObjectNode copy = in.node().deepCopy();
    JsonNode tags = copy.remove("tags");
    ObjectNode stored = Out.obj();
    if (tags != null) {
      putTags(stored, Req.of(in.node(), ""), "tags");
    }
    copy.set(TAGS, stored);
    return copy;
  }

  private static final String TAGS = "__tags";
  private static final int MAX_TAGS = 200;

  private static void putTags(ObjectNode stored, Req in, String field) {
    List<JsonNode> tags = in.list(field).orElse(List.of());
    for (int i = 0; i < tags.size(); i++) {
      Req tag = Req.of(tags.get(i), field + "[" + i + "]");
      String key = tag.required("tagKey", 1, 128);
      String value = tag.required("tagValue", 0, 256);
      stored.put(key, value);
    }
    if (stored.size() > MAX_TAGS) {
      throw new ApiException("TooManyTagsException", "A resource may have at most " + MAX_TAGS + " tags but would have "
          + stored.size());
    }
  }

  private Resource tagged(Req in) {
    String arn = in.requiredArn("resourceArn");
    Resource r = state.resources.get(arn);
    if (r == null) {
      throw ApiException.notFound("Could not find resource " + arn);
    }
    if (!(r.request.get(TAGS) instanceof ObjectNode)) {
      r.request.set(TAGS, Out.obj());
    }
    return r;
  }

  private ObjectNode tagResource(Req in) {
    Resource r = tagged(in);
    ObjectNode merged = ((ObjectNode) r.request.get(TAGS)).deepCopy();
    in.list("tags").orElseThrow(() -> ApiException.invalidInput("tags is required"));
    putTags(merged, in, "tags");
    r.request.set(TAGS, merged);
    return Out.obj();
  }

  private ObjectNode untagResource(Req in) {
    Resource r = tagged(in);
    List<String> keys = in.strings("tagKeys", MAX_TAGS, 128).orElseThrow(() -> ApiException.invalidInput("tagKeys is required"));
    ObjectNode stored = (ObjectNode) r.request.get(TAGS);
    keys.forEach(stored::remove);
    return Out.obj();
  }

  private ObjectNode listTags(Req in) {
    Resource r = tagged(in);
    ObjectNode out = Out.obj();
    ArrayNode list = out.putArray("tags");
    for (var e : r.request.get(TAGS).properties()) {
      list.addObject().put("tagKey", e.getKey()).put("tagValue", e.getValue().asText());
    }
    return out;
  }

  // ---------------------------------------------------------------- dataset groups

  private ObjectNode createDatasetGroup(Req in) {
    String name = in.requiredName("name");
    Optional<String> domain = in.str("domain");
    if (domain.isPresent() && !DOMAINS.contains(domain.get())) {
      throw ApiException.invalidInput("domain must be one of " + DOMAINS + " (or absent for a custom group) but was " + domain.get());
    }
    in.str("roleArn", 0, 256);
    in.str("kmsKeyArn", 0, 2048);
    in.list("tags");
    String arn = state.arnPrefix + "dataset-group/" + name;
    checkNew(arn, DATASET_GROUP);
    Resource r = state.add(DATASET_GROUP, arn, name, "", requestOf(in));
    r.domain = domain.orElse(null);
    state.store(arn);
    ObjectNode out = Out.obj().put("datasetGroupArn", arn);
    Out.opt(out, "domain", domain);
    return out;
  }

  private ObjectNode datasetGroup(Resource r) {
    ObjectNode n = datasetGroupSummary(r);
    copy(n, r.request, "roleArn", "kmsKeyArn");
    return n;
  }

  private ObjectNode datasetGroupSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("datasetGroupArn", r.arn);
    statusOf(n, r);
    stamp(n, r);
    Out.nonNull(n, "domain", r.domain);
    return n;
  }

  private ObjectNode deleteDatasetGroup(Req in) {
    Resource g = state.get(DATASET_GROUP, in.requiredArn("datasetGroupArn"));
    requireSettled(g);
    for (Resource.Kind kind : List.of(DATASET, SOLUTION, EVENT_TRACKER, RECOMMENDER)) {
      List<Resource> children = state.all(kind, r -> r.parentArn.equals(g.arn));
      if (!children.isEmpty()) {
        throw ApiException.inUse("Dataset group " + g.arn + " still has " + children.size() + " " + State.label(kind)
            + "(s), e.g. " + children.get(0).arn + "; delete them first");
      }
    }
    state.delete(g);
    return Out.obj();
  }

  private Resource activeGroup(Req in) {
    Resource g = state.get(DATASET_GROUP, in.requiredArn("datasetGroupArn"));
    requireActive(g);
    return g;
  }

  // ---------------------------------------------------------------- schemas

  private ObjectNode createSchema(Req in) {
    String name = in.requiredName("name");
    String text = in.required("schema", 1, Integer.MAX_VALUE);
    Optional<String> domain = in.str("domain");
    if (domain.isPresent() && !DOMAINS.contains(domain.get())) {
      throw ApiException.invalidInput("domain must be one of " + DOMAINS + " but was " + domain.get());
    }
    Schema schema = Schema.parse(text, domain);
    String arn = state.arnPrefix + "schema/" + name;
    checkNew(arn, SCHEMA);
    Resource r = state.add(SCHEMA, arn, name, "", requestOf(in));
    r.schema = schema;
    r.domain = domain.orElse(null);
    r.status = Resource.ACTIVE;
    r.readyAt = null;
    return Out.obj().put("schemaArn", arn);
  }

  private ObjectNode schema(Resource r) {
    ObjectNode n = schemaSummary(r);
    n.put("schema", r.request.path("schema").asText());
    return n;
  }

  private ObjectNode schemaSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("schemaArn", r.arn);
    stamp(n, r);
    Out.nonNull(n, "domain", r.domain);
    return n;
  }

  private ObjectNode deleteSchema(Req in) {
    Resource s = state.get(SCHEMA, in.requiredArn("schemaArn"));
    List<Resource> users = state.all(DATASET, d -> d.request.path("schemaArn").asText().equals(s.arn));
    if (!users.isEmpty()) {
      throw ApiException.inUse("Schema " + s.arn + " is used by dataset " + users.get(0).arn);
    }
    state.resources.remove(s.arn);
    return Out.obj();
  }

  // ---------------------------------------------------------------- datasets

  private ObjectNode createDataset(Req in) {
    String name = in.requiredName("name");
    String schemaArn = in.requiredArn("schemaArn");
    String typeText = in.required("datasetType", 1, 256);
    Resource g = activeGroup(in);
    Resource schema = state.get(SCHEMA, schemaArn);
    String type = DatasetType.of(typeText).orElseThrow(() -> ApiException.invalidInput(
        "datasetType must be one of Interactions, Items, Users, Actions, Action_Interactions but was " + typeText));
    if (!schema.schema.recordName.equalsIgnoreCase(DatasetType.display(type)) && !schema.schema.recordName.equalsIgnoreCase(type)) {
      throw ApiException.invalidInput("The schema's record name " + schema.schema.recordName
          + " does not match the dataset type " + DatasetType.display(type));
    }
    if (!java.util.Objects.equals(schema.domain, g.domain)) {
      throw ApiException.invalidInput("The schema's domain (" + Optional.ofNullable(schema.domain).orElse("none")
          + ") does not match the dataset group's domain (" + Optional.ofNullable(g.domain).orElse("none") + ")");
    }
    String arn = state.arnPrefix + "dataset/" + g.name + "/" + type;
    checkNew(arn, DATASET);
    if (!state.all(DATASET, d -> d.parentArn.equals(g.arn) && d.name.equals(name)).isEmpty()) {
      throw ApiException.alreadyExists("A dataset named " + name + " already exists in " + g.arn);
    }
    Resource r = state.add(DATASET, arn, name, g.arn, requestOf(in));
    r.datasetType = type;
    r.schema = schema.schema;
    if (type.equals(DatasetType.ACTION_INTERACTIONS)) {
      r.trackingId = UUID.randomUUID().toString();
    }
    return Out.obj().put("datasetArn", arn);
  }

  private ObjectNode dataset(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("datasetArn", r.arn).put("datasetGroupArn", r.parentArn)
        .put("datasetType", DatasetType.display(r.datasetType)).put("schemaArn", r.request.path("schemaArn").asText());
    n.put("status", r.status);
    stamp(n, r);
    Out.nonNull(n, "trackingId", r.trackingId);
    return n;
  }

  private ObjectNode datasetSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("datasetArn", r.arn)
        .put("datasetType", DatasetType.display(r.datasetType)).put("status", r.status);
    stamp(n, r);
    return n;
  }

  private ObjectNode deleteDataset(Req in) {
    Resource d = state.get(DATASET, in.requiredArn("datasetArn"));
    requireSettled(d);
    List<Resource> running = state.all(DATASET_IMPORT_JOB, j -> j.parentArn.equals(d.arn) && j.creating());
    if (!running.isEmpty()) {
      throw ApiException.inUse("Dataset " + d.arn + " has an import job in progress: " + running.get(0).arn);
    }
    state.delete(d);
    return Out.obj();
  }

  private ObjectNode updateDataset(Req in) {
    Resource d = state.get(DATASET, in.requiredArn("datasetArn"));
    Resource schema = state.get(SCHEMA, in.requiredArn("schemaArn"));
    requireActive(d);
    if (!schema.schema.recordName.equalsIgnoreCase(DatasetType.display(d.datasetType))
        && !schema.schema.recordName.equalsIgnoreCase(d.datasetType)) {
      throw ApiException.invalidInput("The schema's record name " + schema.schema.recordName
          + " does not match the dataset type " + DatasetType.display(d.datasetType));
    }
    d.request.put("schemaArn", schema.arn);
    d.schema = schema.schema;
    d.updated = state.now();
    return Out.obj().put("datasetArn", d.arn);
  }

  // ---------------------------------------------------------------- import jobs

  private ObjectNode createImportJob(Req in) {
    String name = in.requiredName("jobName");
    Resource d = state.get(DATASET, in.requiredArn("datasetArn"));
    Req source = in.obj("dataSource").orElseThrow(() -> ApiException.invalidInput("dataSource is required"));
    String location = source.required("dataLocation", 1, 256);
    if (!location.matches("(s3|http|https)://.+")) {
      throw ApiException.invalidInput("dataSource.dataLocation must match (s3|http|https)://.+ but was " + location);
    }
    String mode = in.str("importMode").orElse("FULL");
    if (!mode.equals("FULL") && !mode.equals("INCREMENTAL")) {
      throw ApiException.invalidInput("importMode must be FULL or INCREMENTAL but was " + mode);
    }
    in.str("roleArn", 0, 256);
    in.bool("publishAttributionMetricsToS3");
    requireActive(d);
    String arn = state.arnPrefix + "dataset-import-job/" + name;
    checkNew(arn, DATASET_IMPORT_JOB);
    ObjectNode request = requestOf(in);
    request.put("importMode", mode);
    state.add(DATASET_IMPORT_JOB, arn, name, d.arn, request);
    return Out.obj().put("datasetImportJobArn", arn);
  }

  private ObjectNode importJob(Resource r) {
    ObjectNode n = Out.obj().put("jobName", r.name).put("datasetImportJobArn", r.arn).put("datasetArn", r.parentArn);
    copy(n, r.request, "dataSource", "roleArn");
    statusOf(n, r);
    stamp(n, r);
    copy(n, r.request, "importMode", "publishAttributionMetricsToS3");
    return n;
  }

  private ObjectNode importJobSummary(Resource r) {
    ObjectNode n = Out.obj().put("datasetImportJobArn", r.arn).put("jobName", r.name);
    statusOf(n, r);
    stamp(n, r);
    copy(n, r.request, "importMode");
    return n;
  }

  // ---------------------------------------------------------------- solutions and versions

  private ObjectNode createSolution(Req in) {
    String name = in.requiredName("name");
    boolean autoMl = in.bool("performAutoML").orElse(false);
    in.bool("performHPO");
    in.bool("performAutoTraining");
    in.bool("performIncrementalUpdate");
    Optional<String> eventType = in.str("eventType", 1, 256);
    in.obj("solutionConfig");
    String recipeArn = in.str("recipeArn", 1, 256).orElseGet(() -> {
      if (!autoMl) {
        throw ApiException.invalidInput("recipeArn is required unless performAutoML is true");
      }
      return Recipe.PREFIX + "aws-user-personalization";
    });
    Recipe recipe = Recipe.of(recipeArn).orElseThrow(() -> ApiException.invalidInput("Unknown recipe " + recipeArn));
    if (recipe.domain().isPresent()) {
      throw ApiException.invalidInput("Recipe " + recipeArn + " is a domain use case: create a recommender with it instead");
    }
    Resource g = activeGroup(in);
    String arn = state.arnPrefix + "solution/" + name;
    checkNew(arn, SOLUTION);
    ObjectNode request = requestOf(in);
    request.put("recipeArn", recipeArn);
    Resource r = state.add(SOLUTION, arn, name, g.arn, request);
    r.recipe = recipe;
    r.eventType = eventType.orElse(null);
    return Out.obj().put("solutionArn", arn);
  }

  private Optional<Resource> latestVersion(Resource solution) {
    List<Resource> versions = state.all(SOLUTION_VERSION, v -> v.parentArn.equals(solution.arn));
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  private ObjectNode solution(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("solutionArn", r.arn)
        .put("performHPO", r.request.path("performHPO").asBoolean(false))
        .put("performAutoML", r.request.path("performAutoML").asBoolean(false))
        .put("performAutoTraining", r.request.path("performAutoTraining").asBoolean(true))
        .put("performIncrementalUpdate", r.request.path("performIncrementalUpdate").asBoolean(false))
        .put("recipeArn", r.recipe.arn()).put("datasetGroupArn", r.parentArn);
    Out.nonNull(n, "eventType", r.eventType);
    copy(n, r.request, "solutionConfig");
    if (r.request.path("performAutoML").asBoolean(false)) {
      n.putObject("autoMLResult").put("bestRecipeArn", r.recipe.arn());
    }
    n.put("status", r.status);
    stamp(n, r);
    latestVersion(r).ifPresent(v -> n.set("latestSolutionVersion", solutionVersionSummary(v)));
    return n;
  }

  private ObjectNode solutionSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("solutionArn", r.arn).put("status", r.status);
    stamp(n, r);
    n.put("recipeArn", r.recipe.arn());
    return n;
  }

  private ObjectNode deleteSolution(Req in) {
    Resource s = state.get(SOLUTION, in.requiredArn("solutionArn"));
    requireSettled(s);
    List<Resource> versions = state.all(SOLUTION_VERSION, v -> v.parentArn.equals(s.arn));
    for (Resource v : versions) {
      if (v.creating()) {
        throw ApiException.inUse("Solution " + s.arn + " has a solution version in " + v.status + " state: " + v.arn);
      }
    }
    List<Resource> campaigns = state.all(CAMPAIGN, c -> s.arn.equals(solutionOf(c.request.path("solutionVersionArn").asText())));
    if (!campaigns.isEmpty()) {
      throw ApiException.inUse("Solution " + s.arn + " is used by campaign " + campaigns.get(0).arn + "; delete it first");
    }
    state.delete(s);
    return Out.obj();
  }

  private ObjectNode createSolutionVersion(Req in) {
    Resource s = state.get(SOLUTION, in.requiredArn("solutionArn"));
    Optional<String> name = in.str("name");
    if (name.isPresent()) {
      name = Optional.of(in.requiredName("name"));
    }
    String mode = in.str("trainingMode").orElse("FULL");
    if (!List.of("FULL", "UPDATE", "AUTOTRAIN").contains(mode)) {
      throw ApiException.invalidInput("trainingMode must be FULL, UPDATE or AUTOTRAIN but was " + mode);
    }
    requireActive(s);
    List<Resource> versions = state.all(SOLUTION_VERSION, v -> v.parentArn.equals(s.arn));
    for (Resource v : versions) {
      if (v.creating()) {
        throw ApiException.inUse("Solution " + s.arn + " already has a solution version in " + v.status + " state: " + v.arn);
      }
    }
    if (mode.equals("UPDATE")) {
      boolean updatable = s.recipe.name().equals("aws-user-personalization") || s.recipe.name().equals("aws-hrnn-coldstart");
      if (!updatable) {
        throw ApiException.invalidInput("trainingMode UPDATE is only supported for aws-user-personalization and aws-hrnn-coldstart");
      }
      if (versions.stream().noneMatch(Resource::active)) {
        throw ApiException.invalidInput("trainingMode UPDATE needs an ACTIVE solution version trained with FULL first");
      }
    }
    String id = String.format("%08x", state.nextSequence());
    String arn = s.arn + "/" + id;
    ObjectNode request = requestOf(in);
    request.put("trainingMode", mode);
    Resource v = state.add(SOLUTION_VERSION, arn, name.orElse(id), s.arn, request);
    v.recipe = s.recipe;
    v.forcedFailure = state.faults.solutionVersionFailure().orElse(null);
    return Out.obj().put("solutionVersionArn", arn);
  }

  private ObjectNode solutionVersion(Resource v) {
    Resource s = state.resources.get(v.parentArn);
    ObjectNode n = Out.obj();
    Out.opt(n, "name", Optional.ofNullable(v.request.path("name").textValue()));
    n.put("solutionVersionArn", v.arn).put("solutionArn", v.parentArn);
    if (s != null) {
      n.put("performHPO", s.request.path("performHPO").asBoolean(false))
          .put("performAutoML", s.request.path("performAutoML").asBoolean(false))
          .put("performIncrementalUpdate", s.request.path("performIncrementalUpdate").asBoolean(false))
          .put("recipeArn", s.recipe.arn());
      Out.nonNull(n, "eventType", s.eventType);
      n.put("datasetGroupArn", s.parentArn);
      copy(n, s.request, "solutionConfig");
    }
    if (v.active()) {
      n.put("trainingHours", 0.0);
    }
    n.put("trainingMode", v.request.path("trainingMode").asText("FULL"));
    statusOf(n, v);
    stamp(n, v);
    n.put("trainingType", "MANUAL");
    return n;
  }

  private ObjectNode solutionVersionSummary(Resource v) {
    ObjectNode n = Out.obj().put("solutionVersionArn", v.arn).put("status", v.status)
        .put("trainingMode", v.request.path("trainingMode").asText("FULL")).put("trainingType", "MANUAL");
    stamp(n, v);
    Out.opt(n, "failureReason", v.failureReason);
    return n;
  }

  private ObjectNode stopSolutionVersion(Req in) {
    Resource v = state.get(SOLUTION_VERSION, in.requiredArn("solutionVersionArn"));
    if (!v.creating()) {
      throw ApiException.invalidInput("Solution version " + v.arn + " is " + v.status + "; only a version being created can be stopped");
    }
    v.status = Resource.CREATE_STOPPED;
    v.readyAt = null;
    v.updated = state.now();
    return Out.obj();
  }

  /** The solution ARN behind a solution version ARN or a {@code <solutionArn>/$LATEST} reference. */
  static String solutionOf(String versionArn) {
    int slash = versionArn.lastIndexOf('/');
    return slash < 0 ? versionArn : versionArn.substring(0, slash);
  }

  // ---------------------------------------------------------------- campaigns

  private ObjectNode createCampaign(Req in) {
    String name = in.requiredName("name");
    String versionArn = in.requiredArn("solutionVersionArn");
    int tps = in.integer("minProvisionedTPS").orElse(1);
    if (tps < 1) {
      throw ApiException.invalidInput("minProvisionedTPS must be at least 1 but was " + tps);
    }
    Optional<Req> config = in.obj("campaignConfig");
    checkCampaignConfig(config);
    Resource version = resolveVersion(versionArn, config.flatMap(c -> c.bool("syncWithLatestSolutionVersion")).orElse(false));
    String arn = state.arnPrefix + "campaign/" + name;
    checkNew(arn, CAMPAIGN);
    ObjectNode request = requestOf(in);
    request.put("minProvisionedTPS", tps);
    Resource r = state.add(CAMPAIGN, arn, name, version.arn, request);
    r.recipe = version.recipe;
    return Out.obj().put("campaignArn", arn);
  }

  private static void checkCampaignConfig(Optional<Req> config) {
    if (config.isEmpty()) {
      return;
    }
    config.get().bool("enableMetadataWithRecommendations");
    config.get().bool("syncWithLatestSolutionVersion");
    Map<String, String> exploration = config.get().stringMap("itemExplorationConfig");
    if (exploration.size() > 100) {
      throw ApiException.invalidInput("campaignConfig.itemExplorationConfig must have at most 100 entries");
    }
  }

  private Resource resolveVersion(String versionArn, boolean sync) {
    if (versionArn.endsWith(LATEST)) {
      if (!sync) {
        throw ApiException.invalidInput("solutionVersionArn " + versionArn + " needs campaignConfig.syncWithLatestSolutionVersion=true");
      }
      Resource s = state.get(SOLUTION, solutionOf(versionArn));
      return latestActiveVersion(s).orElseThrow(() -> ApiException.inUse("Solution " + s.arn + " has no ACTIVE solution version"));
    }
    Resource v = state.get(SOLUTION_VERSION, versionArn);
    if (v.recipe.kind() == Recipe.Kind.USER_SEGMENTATION) {
      throw ApiException.invalidInput("Recipe " + v.recipe.arn() + " supports batch segment jobs only, not campaigns");
    }
    if (!v.active()) {
      throw ApiException.inUse("Solution version " + v.arn + " is not ACTIVE but " + v.status);
    }
    return v;
  }

  Optional<Resource> latestActiveVersion(Resource solution) {
    List<Resource> versions = state.all(SOLUTION_VERSION, v -> v.parentArn.equals(solution.arn) && v.active());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  private ObjectNode campaign(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("campaignArn", r.arn)
        .put("solutionVersionArn", r.request.path("solutionVersionArn").asText())
        .put("minProvisionedTPS", r.request.path("minProvisionedTPS").asInt(1));
    copy(n, r.request, "campaignConfig");
    statusOf(n, r);
    stamp(n, r);
    if (r.pendingUpdate != null) {
      n.set("latestCampaignUpdate", r.pendingUpdate.deepCopy());
    }
    return n;
  }

  private ObjectNode campaignSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("campaignArn", r.arn);
    n.put("status", r.status);
    stamp(n, r);
    Out.opt(n, "failureReason", r.failureReason);
    return n;
  }

  private ObjectNode updateCampaign(Req in) {
    Resource c = state.get(CAMPAIGN, in.requiredArn("campaignArn"));
    if (!c.active() && !Resource.CREATE_FAILED.equals(c.status)) {
      throw ApiException.inUse("Campaign " + c.arn + " can only be updated when ACTIVE or CREATE FAILED but is " + c.status);
    }
    Optional<String> versionArn = in.str("solutionVersionArn", 1, 256);
    Optional<Integer> tps = in.integer("minProvisionedTPS");
    Optional<Req> config = in.obj("campaignConfig");
    checkCampaignConfig(config);
    if (tps.isPresent() && tps.get() < 1) {
      throw ApiException.invalidInput("minProvisionedTPS must be at least 1 but was " + tps.get());
    }
    ObjectNode merged = c.request.deepCopy();
    if (versionArn.isPresent()) {
      boolean sync = config.map(Req::node).orElse(merged.path("campaignConfig") instanceof ObjectNode o ? o : Out.obj())
          .path("syncWithLatestSolutionVersion").asBoolean(false);
      Resource v = resolveVersion(versionArn.get(), sync);
      c.recipe = v.recipe;
      merged.put("solutionVersionArn", versionArn.get());
    }
    tps.ifPresent(t -> merged.put("minProvisionedTPS", t));
    config.ifPresent(cfg -> merged.set("campaignConfig", cfg.node().deepCopy()));
    c.request.removeAll();
    c.request.setAll(merged);
    ObjectNode update = Out.obj().put("solutionVersionArn", merged.path("solutionVersionArn").asText())
        .put("minProvisionedTPS", merged.path("minProvisionedTPS").asInt(1));
    copy(update, merged, "campaignConfig");
    update.put("status", Resource.ACTIVE);
    update.put("creationDateTime", Out.seconds(state.now()));
    update.put("lastUpdatedDateTime", Out.seconds(state.now()));
    c.pendingUpdate = update;
    c.status = Resource.ACTIVE;
    c.failureReason = Optional.empty();
    c.updated = state.now();
    return Out.obj().put("campaignArn", c.arn);
  }

  // ---------------------------------------------------------------- recommenders

  private ObjectNode createRecommender(Req in) {
    String name = in.requiredName("name");
    String recipeArn = in.requiredArn("recipeArn");
    in.obj("recommenderConfig").ifPresent(c -> {
      c.bool("enableMetadataWithRecommendations");
      c.integer("minRecommendationRequestsPerSecond").ifPresent(v -> {
        if (v < 1) {
          throw ApiException.invalidInput("recommenderConfig.minRecommendationRequestsPerSecond must be at least 1 but was " + v);
        }
      });
    });
    Resource g = activeGroup(in);
    Recipe recipe = Recipe.of(recipeArn).orElseThrow(() -> ApiException.invalidInput("Unknown recipe " + recipeArn));
    if (recipe.domain().isEmpty()) {
      throw ApiException.invalidInput("Recipe " + recipeArn + " is not a domain use case: create a solution and campaign with it");
    }
    if (!recipe.domain().get().equals(g.domain)) {
      throw ApiException.invalidInput("Recipe " + recipeArn + " belongs to the " + recipe.domain().get()
          + " domain but dataset group " + g.arn + " has domain " + Optional.ofNullable(g.domain).orElse("none"));
    }
    String arn = state.arnPrefix + "recommender/" + name;
    checkNew(arn, RECOMMENDER);
    Resource r = state.add(RECOMMENDER, arn, name, g.arn, requestOf(in));
    r.recipe = recipe;
    return Out.obj().put("recommenderArn", arn);
  }

  private ObjectNode recommender(Resource r) {
    ObjectNode n = Out.obj().put("recommenderArn", r.arn).put("datasetGroupArn", r.parentArn).put("name", r.name)
        .put("recipeArn", r.recipe.arn());
    copy(n, r.request, "recommenderConfig");
    stamp(n, r);
    statusOf(n, r);
    return n;
  }

  private ObjectNode recommenderSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("recommenderArn", r.arn).put("datasetGroupArn", r.parentArn)
        .put("recipeArn", r.recipe.arn());
    copy(n, r.request, "recommenderConfig");
    n.put("status", r.status);
    stamp(n, r);
    return n;
  }

  private ObjectNode startStopRecommender(Req in, boolean start) {
    Resource r = state.get(RECOMMENDER, in.requiredArn("recommenderArn"));
    requireSettled(r);
    String from = start ? Resource.INACTIVE : Resource.ACTIVE;
    if (!from.equals(r.status)) {
      throw ApiException.inUse("Recommender " + r.arn + " must be " + from + " to be " + (start ? "started" : "stopped")
          + " but is " + r.status);
    }
    r.status = start ? "START PENDING" : "STOP PENDING";
    r.targetStatus = start ? Resource.ACTIVE : Resource.INACTIVE;
    r.updated = state.now();
    r.readyAt = r.updated.plus(state.timeToActive());
    state.scheduleTransition(r);
    return Out.obj().put("recommenderArn", r.arn);
  }

  // ---------------------------------------------------------------- event trackers

  private ObjectNode createEventTracker(Req in) {
    String name = in.requiredName("name");
    Resource g = activeGroup(in);
    List<Resource> same = state.all(EVENT_TRACKER, t -> t.name.equals(name));
    if (!same.isEmpty()) {
      throw ApiException.alreadyExists("An event tracker named " + name + " already exists: " + same.get(0).arn);
    }
    List<Resource> existing = state.all(EVENT_TRACKER, t -> t.parentArn.equals(g.arn));
    if (!existing.isEmpty()) {
      throw ApiException.limitExceeded("Dataset group " + g.arn + " already has an event tracker ("
          + existing.get(0).arn + "); the limit is 1 per dataset group");
    }
    String id = String.format("%08x", state.nextSequence());
    String arn = state.arnPrefix + "event-tracker/" + id;
    Resource r = state.add(EVENT_TRACKER, arn, name, g.arn, requestOf(in));
    r.trackingId = UUID.randomUUID().toString();
    return Out.obj().put("eventTrackerArn", arn).put("trackingId", r.trackingId);
  }

  private ObjectNode eventTracker(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("eventTrackerArn", r.arn).put("accountId", state.config.accountId())
        .put("trackingId", r.trackingId).put("datasetGroupArn", r.parentArn).put("status", r.status);
    stamp(n, r);
    return n;
  }

  private ObjectNode eventTrackerSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("eventTrackerArn", r.arn).put("status", r.status);
    stamp(n, r);
    return n;
  }

  // ---------------------------------------------------------------- filters

  private ObjectNode createFilter(Req in) {
    String name = in.requiredName("name");
    String expression = in.required("filterExpression", 1, 2500);
    Resource g = activeGroup(in);
    FilterExpression parsed;
    try {
      parsed = FilterExpression.parse(expression);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidInput("Invalid filter expression: " + e.getMessage());
    }
    checkFilterFields(g, expression);
    if (state.all(FILTER, f -> f.parentArn.equals(g.arn)).size() >= 30) {
      throw ApiException.limitExceeded("Dataset group " + g.arn + " already has 30 filters, the limit");
    }
    String arn = state.arnPrefix + "filter/" + name;
    checkNew(arn, FILTER);
    Resource r = state.add(FILTER, arn, name, g.arn, requestOf(in));
    r.filter = parsed;
    return Out.obj().put("filterArn", arn);
  }

  private static final java.util.regex.Pattern FIELD_REFERENCE =
      java.util.regex.Pattern.compile("\\b(Items|Users|CurrentItem|CurrentUser)\\.([A-Za-z][A-Za-z0-9_]*)");

  /** Field references must name fields of the group's Items/Users schemas, when those datasets exist. */
  private void checkFilterFields(Resource group, String expression) {
    String unquoted = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    var m = FIELD_REFERENCE.matcher(unquoted);
    while (m.find()) {
      String type = m.group(1).endsWith("Item") || m.group(1).equals("Items") ? DatasetType.ITEMS : DatasetType.USERS;
      String field = m.group(2);
      for (Resource d : state.all(DATASET, x -> x.parentArn.equals(group.arn) && x.datasetType.equals(type))) {
        if (d.schema.field(field).isEmpty()) {
          throw ApiException.invalidInput("Invalid filter expression: " + m.group(0) + " is not a field of the "
              + DatasetType.display(type) + " schema of " + group.arn);
        }
      }
    }
  }

  private ObjectNode filter(Resource r) {
    ObjectNode n = filterSummary(r);
    n.put("filterExpression", r.filter.expression());
    return n;
  }

  private ObjectNode filterSummary(Resource r) {
    ObjectNode n = Out.obj().put("name", r.name).put("filterArn", r.arn);
    stamp(n, r);
    n.put("datasetGroupArn", r.parentArn);
    statusOf(n, r);
    return n;
  }

  // ---------------------------------------------------------------- recipes

  private ObjectNode describeRecipe(Req in) {
    String arn = in.requiredArn("recipeArn");
    Recipe recipe = Recipe.of(arn).orElseThrow(() -> ApiException.notFound("Could not find recipe " + arn));
    ObjectNode out = Out.obj();
    ObjectNode n = out.putObject("recipe").put("name", recipe.name()).put("recipeArn", arn)
        .put("algorithmArn", "arn:aws:personalize:::algorithm/" + recipe.name()).put("status", Resource.ACTIVE)
        .put("recipeType", recipe.recipeType());
    n.put("creationDateTime", 1_546_300_800L).put("lastUpdatedDateTime", 1_546_300_800L);
    return out;
  }

  private ObjectNode listRecipes(Req in) {
    Optional<String> domain = in.str("domain");
    in.str("recipeProvider");
    ObjectNode out = Out.obj();
    ArrayNode list = out.putArray("recipes");
    for (Map.Entry<String, Recipe> e : Recipe.all()) {
      Recipe r = e.getValue();
      if (domain.isPresent() && !domain.equals(r.domain())) {
        continue;
      }
      ObjectNode n = list.addObject().put("name", r.name()).put("recipeArn", e.getKey()).put("status", Resource.ACTIVE)
          .put("creationDateTime", 1_546_300_800L).put("lastUpdatedDateTime", 1_546_300_800L);
      Out.opt(n, "domain", r.domain());
    }
    return out;
  }
}
