package dev.personalize4j.testing.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.personalize4j.AttributeValue;
import dev.personalize4j.FilterValues;
import dev.personalize4j.Item;
import dev.personalize4j.testing.internal.Engine;
import dev.personalize4j.testing.internal.FilterExpression;
import dev.personalize4j.testing.internal.ItemFilter;
import dev.personalize4j.testing.internal.ScoredItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** personalize-runtime (restJson1): GetRecommendations, GetPersonalizedRanking, GetActionRecommendations. */
final class RuntimeApi {
  private static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z\\d_]+");
  private static final Pattern FILTER_KEY = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern PROMOTION_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");

  private final State state;
  private final ControlPlane controlPlane;

  RuntimeApi(State state, ControlPlane controlPlane) {
    this.state = state;
    this.controlPlane = controlPlane;
  }

  /** What answers a call: the recipe, the dataset group's data and the deployment's settings. */
  private record Target(String arn, Recipe recipe, Optional<String> eventType, DataStore store, String datasetGroupArn,
      boolean metadataEnabled) {}

  /** A filter resolved for one call: its expression and parsed request values. */
  private record BoundFilter(FilterExpression expression, Map<String, List<String>> values) {}

  ObjectNode getRecommendations(Req in) {
    Optional<String> campaignArn = in.str("campaignArn", 1, 256);
    Optional<String> recommenderArn = in.str("recommenderArn", 1, 256);
    if (campaignArn.isPresent() == recommenderArn.isPresent()) {
      throw ApiException.invalidInput("Exactly one of campaignArn and recommenderArn must be set");
    }
    Optional<String> userId = in.str("userId", 1, 256);
    Optional<String> itemId = in.str("itemId", 1, 256);
    Map<String, List<String>> columns = metadataColumns(in);
    int max = columns.isEmpty() ? 500 : 50;
    int numResults = in.integer("numResults").orElse(25);
    if (numResults < 0 || numResults > max) {
      throw ApiException.invalidInput("numResults must be between 0 and " + max
          + (columns.isEmpty() ? "" : " when metadataColumns are requested") + " but was " + numResults);
    }
    context(in);
    Optional<String> filterArn = in.str("filterArn", 1, 256);
    Map<String, String> filterValues = filterValues(in, "filterValues", filterArn.isPresent());
    Optional<List<JsonNode>> promotions = in.list("promotions");
    if (promotions.isPresent() && promotions.get().size() > 1) {
      throw ApiException.invalidInput("promotions must have at most 1 entry but had " + promotions.get().size());
    }
    Optional<Req> promotion = promotions.filter(p -> !p.isEmpty()).map(p -> Req.of(p.get(0), "promotions[0]"));
    String promoName = null;
    int percent = 0;
    Optional<String> promoFilterArn = Optional.empty();
    Map<String, String> promoValues = Map.of();
    if (promotion.isPresent()) {
      Req p = promotion.get();
      promoName = p.required("name", 1, 63);
      if (!PROMOTION_NAME.matcher(promoName).matches()) {
        throw ApiException.invalidInput("promotions[0].name must match [a-zA-Z0-9][a-zA-Z0-9\\-_]* but was " + promoName);
      }
      percent = p.integer("percentPromotedItems").orElseThrow(
          () -> ApiException.invalidInput("promotions[0].percentPromotedItems is required"));
      if (percent < 1 || percent > 100) {
        throw ApiException.invalidInput("promotions[0].percentPromotedItems must be between 1 and 100 but was " + percent);
      }
      promoFilterArn = Optional.of(p.requiredArn("filterArn"));
      promoValues = filterValues(p, "filterValues", true);
    }

    Target target;
    Optional<BoundFilter> filter;
    Optional<BoundFilter> promoFilter;
    synchronized (state) {
      state.settle();
      target = campaignArn.isPresent() ? campaign(campaignArn.get()) : recommender(recommenderArn.get());
      filter = filterArn.isPresent() ? Optional.of(filter(filterArn.get(), filterValues, target)) : Optional.empty();
      promoFilter = promoFilterArn.isPresent()
          ? Optional.of(filter(promoFilterArn.get(), promoValues, target)) : Optional.empty();
    }
    if (!columns.isEmpty() && !target.metadataEnabled()) {
      throw ApiException.invalidInput("metadataColumns need enableMetadataWithRecommendations=true on " + target.arn());
    }
    Engine engine = target.store().engine();
    Recipe recipe = target.recipe();
    switch (recipe.kind()) {
      case USER_PERSONALIZATION -> {
        if (userId.isEmpty()) {
          throw ApiException.invalidInput("userId is required for " + recipe.name() + " (a USER_PERSONALIZATION recipe)");
        }
      }
      case RELATED_ITEMS -> {
        if (itemId.isEmpty()) {
          throw ApiException.invalidInput("itemId is required for " + recipe.name() + " (a RELATED_ITEMS recipe)");
        }
      }
      case POPULAR_ITEMS -> { }
      case PERSONALIZED_RANKING -> throw ApiException.invalidInput(
          "The recipe " + recipe.name() + " of " + target.arn() + " ranks items: call GetPersonalizedRanking");
      case PERSONALIZED_ACTIONS -> throw ApiException.invalidInput(
          "The recipe " + recipe.name() + " of " + target.arn() + " recommends actions: call GetActionRecommendations");
      default -> throw ApiException.invalidInput(
          "The recipe " + recipe.name() + " of " + target.arn() + " supports batch segment jobs only");
    }
    ItemFilter base = bind(filter, engine, userId, itemId);
    if (recipe.excludesPurchased() && userId.isPresent()) {
      Set<String> purchased = new HashSet<>(engine.history(userId.get(), Optional.of("Purchase"), 100));
      ItemFilter inner = base;
      base = id -> !purchased.contains(id) && inner.test(id);
    }
    int promoCount = promotion.isPresent() ? (int) Math.round(numResults * percent / 100.0) : 0;
    List<ScoredItem> promoted = List.of();
    if (promoCount > 0) {
      ItemFilter promo = bind(promoFilter, engine, userId, itemId);
      promoted = answer(recipe, target, engine, userId, itemId, promoCount, promo);
    }
    Set<String> promotedIds = new HashSet<>();
    promoted.forEach(p -> promotedIds.add(p.itemId()));
    ItemFilter rest = base;
    List<ScoredItem> regular = answer(recipe, target, engine, userId, itemId, numResults - promoted.size(),
        id -> !promotedIds.contains(id) && rest.test(id));

    boolean scored = recipe.kind() == Recipe.Kind.USER_PERSONALIZATION;
    ObjectNode out = Out.obj();
    ArrayNode list = out.putArray("itemList");
    List<ObjectNode> merged = merge(regular, promoted, promoName, scored);
    for (ObjectNode n : merged) {
      metadata(n, engine, columns);
      list.add(n);
    }
    out.put("recommendationId", recommendationId());
    return out;
  }

  private static List<ScoredItem> answer(Recipe recipe, Target target, Engine engine, Optional<String> userId,
      Optional<String> itemId, int n, ItemFilter filter) {
    if (n <= 0) {
      return List.of();
    }
    return switch (recipe.kind()) {
      case USER_PERSONALIZATION -> engine.forUser(userId.orElseThrow(), n, filter);
      case RELATED_ITEMS -> engine.similar(itemId.orElseThrow(), n, filter);
      default -> engine.popular(n, target.eventType(), filter);
    };
  }

  /** Spreads promoted items evenly among the regular ones, keeping both in their own order. */
  private static List<ObjectNode> merge(List<ScoredItem> regular, List<ScoredItem> promoted, String promoName,
      boolean scored) {
    List<ObjectNode> out = new ArrayList<>();
    int total = regular.size() + promoted.size();
    Set<Integer> slots = new HashSet<>();
    for (int p = 0; p < promoted.size(); p++) {
      slots.add((int) Math.floor((p + 0.5) * total / promoted.size()));
    }
    int r = 0;
    int p = 0;
    for (int i = 0; i < total; i++) {
      if (slots.contains(i)) {
        ObjectNode n = Out.obj().put("itemId", promoted.get(p++).itemId());
        n.put("promotionName", promoName);
        out.add(n);
      } else {
        ScoredItem s = regular.get(r++);
        ObjectNode n = Out.obj().put("itemId", s.itemId());
        if (scored) {
          n.put("score", s.score());
        }
        out.add(n);
      }
    }
    return out;
  }

  ObjectNode getPersonalizedRanking(Req in) {
    String campaignArn = in.requiredArn("campaignArn");
    String userId = in.required("userId", 1, 256);
    Map<String, List<String>> columns = metadataColumns(in);
    int max = columns.isEmpty() ? 500 : 50;
    List<String> inputList = in.strings("inputList", Integer.MAX_VALUE, 256)
        .orElseThrow(() -> ApiException.invalidInput("inputList is required"));
    if (inputList.isEmpty() || inputList.size() > max) {
      throw ApiException.invalidInput("inputList must have between 1 and " + max + " items"
          + (columns.isEmpty() ? "" : " when metadataColumns are requested") + " but had " + inputList.size());
    }
    context(in);
    Optional<String> filterArn = in.str("filterArn", 1, 256);
    Map<String, String> filterValues = filterValues(in, "filterValues", filterArn.isPresent());
    Target target;
    Optional<BoundFilter> filter;
    synchronized (state) {
      state.settle();
      target = campaign(campaignArn);
      filter = filterArn.isPresent() ? Optional.of(filter(filterArn.get(), filterValues, target)) : Optional.empty();
    }
    if (target.recipe().kind() != Recipe.Kind.PERSONALIZED_RANKING) {
      throw ApiException.invalidInput("Campaign " + campaignArn + " uses " + target.recipe().name()
          + ", not a PERSONALIZED_RANKING recipe");
    }
    if (!columns.isEmpty() && !target.metadataEnabled()) {
      throw ApiException.invalidInput("metadataColumns need enableMetadataWithRecommendations=true on " + target.arn());
    }
    Engine engine = target.store().engine();
    List<ScoredItem> ranked = engine.rank(userId, List.copyOf(new java.util.LinkedHashSet<>(inputList)),
        bind(filter, engine, Optional.of(userId), Optional.empty()));
    ObjectNode out = Out.obj();
    ArrayNode list = out.putArray("personalizedRanking");
    for (ScoredItem s : ranked) {
      ObjectNode n = Out.obj().put("itemId", s.itemId()).put("score", s.score());
      metadata(n, engine, columns);
      list.add(n);
    }
    out.put("recommendationId", recommendationId());
    return out;
  }

  ObjectNode getActionRecommendations(Req in) {
    String campaignArn = in.requiredArn("campaignArn");
    Optional<String> userId = in.str("userId", 1, 256);
    int numResults = in.integer("numResults").orElse(5);
    if (numResults < 0 || numResults > 100) {
      throw ApiException.invalidInput("numResults must be between 0 and 100 but was " + numResults);
    }
    Optional<String> filterArn = in.str("filterArn", 1, 256);
    Map<String, String> filterValues = filterValues(in, "filterValues", filterArn.isPresent());
    Target target;
    Optional<BoundFilter> filter;
    synchronized (state) {
      state.settle();
      target = campaign(campaignArn);
      filter = filterArn.isPresent() ? Optional.of(filter(filterArn.get(), filterValues, target)) : Optional.empty();
    }
    if (target.recipe().kind() != Recipe.Kind.PERSONALIZED_ACTIONS) {
      throw ApiException.invalidInput("Campaign " + campaignArn + " uses " + target.recipe().name()
          + ", not a PERSONALIZED_ACTIONS recipe (aws-next-best-action)");
    }
    Engine actions = target.store().actions();
    ItemFilter f = bind(filter, actions, userId, Optional.empty());
    List<ScoredItem> answer = numResults == 0 ? List.of()
        : userId.isPresent() ? actions.forUser(userId.get(), numResults, f) : actions.popular(numResults, Optional.empty(), f);
    ObjectNode out = Out.obj();
    ArrayNode list = out.putArray("actionList");
    for (ScoredItem s : answer) {
      list.addObject().put("actionId", s.itemId()).put("score", s.score());
    }
    out.put("recommendationId", recommendationId());
    return out;
  }

  // ---------------------------------------------------------------- resolution (under the state lock)

  private Target campaign(String arn) {
    Resource c = state.find(Resource.Kind.CAMPAIGN, arn)
        .orElseThrow(() -> ApiException.notFound("Campaign not found: " + arn));
    if (!c.active()) {
      throw ApiException.notFound("Campaign " + arn + " is not ACTIVE but " + c.status);
    }
    String versionArn = c.request.path("solutionVersionArn").asText();
    Resource solution = state.find(Resource.Kind.SOLUTION, ControlPlane.solutionOf(versionArn))
        .orElseThrow(() -> ApiException.notFound("The solution behind campaign " + arn + " no longer exists"));
    Recipe recipe = versionArn.endsWith("/$LATEST")
        ? controlPlane.latestActiveVersion(solution).map(v -> v.recipe).orElse(solution.recipe)
        : c.recipe;
    boolean metadata = c.request.path("campaignConfig").path("enableMetadataWithRecommendations").asBoolean(false);
    return new Target(arn, recipe, Optional.ofNullable(solution.eventType), state.store(solution.parentArn),
        solution.parentArn, metadata);
  }

  private Target recommender(String arn) {
    Resource r = state.find(Resource.Kind.RECOMMENDER, arn)
        .orElseThrow(() -> ApiException.notFound("Recommender not found: " + arn));
    if (!r.active()) {
      throw ApiException.notFound("Recommender " + arn + " is not ACTIVE but " + r.status);
    }
    boolean metadata = r.request.path("recommenderConfig").path("enableMetadataWithRecommendations").asBoolean(false);
    return new Target(arn, r.recipe, r.recipe.eventType(), state.store(r.parentArn), r.parentArn, metadata);
  }

  private BoundFilter filter(String arn, Map<String, String> rawValues, Target target) {
    Resource f = state.find(Resource.Kind.FILTER, arn)
        .orElseThrow(() -> ApiException.notFound("Filter not found: " + arn));
    if (!f.active()) {
      throw ApiException.invalidInput("Filter " + arn + " is not ACTIVE but " + f.status);
    }
    if (!f.parentArn.equals(target.datasetGroupArn())) {
      throw ApiException.invalidInput("Filter " + arn + " belongs to dataset group " + f.parentArn
          + ", not to " + target.datasetGroupArn() + " of " + target.arn());
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    rawValues.forEach((k, v) -> {
      try {
        values.put(k, FilterValues.parse(v));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalidInput("filterValues." + k + ": " + e.getMessage());
      }
    });
    return new BoundFilter(f.filter, values);
  }

  private static ItemFilter bind(Optional<BoundFilter> filter, Engine engine, Optional<String> userId,
      Optional<String> itemId) {
    if (filter.isEmpty()) {
      return ItemFilter.all();
    }
    try {
      return filter.get().expression().bind(engine, userId, itemId, filter.get().values());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidInput(e.getMessage());
    }
  }

  // ---------------------------------------------------------------- request validation

  private static void context(Req in) {
    Map<String, String> context = in.stringMap("context");
    if (context.size() > 150) {
      throw ApiException.invalidInput("context must have at most 150 entries but had " + context.size());
    }
    context.forEach((k, v) -> {
      Req.length("context key", k, 1, 150);
      if (!CONTEXT_KEY.matcher(k).matches()) {
        throw ApiException.invalidInput("context key must match [A-Za-z\\d_]+ but was '" + k + "'");
      }
      Req.length("context value of " + k, v, 0, 1000);
    });
  }

  private static Map<String, String> filterValues(Req in, String field, boolean filterSet) {
    Map<String, String> values = in.stringMap(field);
    if (!values.isEmpty() && !filterSet) {
      throw ApiException.invalidInput(field + " must not be set without a filterArn");
    }
    if (values.size() > 25) {
      throw ApiException.invalidInput(field + " must have at most 25 entries but had " + values.size());
    }
    values.forEach((k, v) -> {
      Req.length(field + " key", k, 1, 50);
      if (!FILTER_KEY.matcher(k).matches()) {
        throw ApiException.invalidInput(field + " key must match [A-Za-z0-9_]+ (no '$') but was '" + k + "'");
      }
      Req.length(field + " value of " + k, v, 0, 1000);
    });
    return values;
  }

  private static Map<String, List<String>> metadataColumns(Req in) {
    Optional<Req> columns = in.obj("metadataColumns");
    if (columns.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    var it = columns.get().node().fieldNames();
    while (it.hasNext()) {
      String type = it.next();
      if (!type.equals("ITEMS")) {
        throw ApiException.invalidInput("metadataColumns supports only the key ITEMS but had " + type);
      }
      List<String> names = columns.get().strings(type, 10, 150).orElse(List.of());
      out.put(type, names);
    }
    return out;
  }

  private static void metadata(ObjectNode n, Engine engine, Map<String, List<String>> columns) {
    List<String> wanted = columns.getOrDefault("ITEMS", List.of());
    if (wanted.isEmpty()) {
      return;
    }
    ObjectNode meta = n.putObject("metadata");
    Optional<Item> item = engine.item(n.path("itemId").asText());
    for (String column : wanted) {
      item.flatMap(i -> attribute(i, column)).ifPresent(v -> meta.put(column, v.render()));
    }
  }

  private static Optional<AttributeValue> attribute(Item item, String column) {
    AttributeValue exact = item.attributes().get(column);
    if (exact != null) {
      return Optional.of(exact);
    }
    String upper = column.toUpperCase(Locale.ROOT);
    for (Map.Entry<String, AttributeValue> e : item.attributes().entrySet()) {
      if (e.getKey().toUpperCase(Locale.ROOT).equals(upper)
          || AttributeValue.propertyKey(e.getKey()).equalsIgnoreCase(column)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static String recommendationId() {
    return "RID-" + UUID.randomUUID();
  }
}
