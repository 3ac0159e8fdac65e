package dev.personalize4j.testing.emulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The recipes and domain use cases the emulator knows (personalize-api.md §C.4, §C.5), keyed by ARN. */
record Recipe(String name, Kind kind, Optional<String> domain, Optional<String> eventType, boolean excludesPurchased) {
  static final String PREFIX = "arn:aws:personalize:::recipe/";

  /** How a recipe answers. */
  enum Kind { USER_PERSONALIZATION, RELATED_ITEMS, POPULAR_ITEMS, PERSONALIZED_RANKING, PERSONALIZED_ACTIONS, USER_SEGMENTATION }

  private static final Map<String, Recipe> ALL = new LinkedHashMap<>();

  private static void add(String name, Kind kind) {
    ALL.put(PREFIX + name, new Recipe(name, kind, Optional.empty(), Optional.empty(), false));
  }

  private static void domain(String name, Kind kind, String domain, String eventType, boolean excludesPurchased) {
    ALL.put(PREFIX + name, new Recipe(name, kind, Optional.of(domain), Optional.ofNullable(eventType), excludesPurchased));
  }

  static {
    add("aws-user-personalization-v2", Kind.USER_PERSONALIZATION);
    add("aws-user-personalization", Kind.USER_PERSONALIZATION);
    add("aws-hrnn", Kind.USER_PERSONALIZATION);
    add("aws-hrnn-metadata", Kind.USER_PERSONALIZATION);
    add("aws-hrnn-coldstart", Kind.USER_PERSONALIZATION);
    add("aws-trending-now", Kind.POPULAR_ITEMS);
    add("aws-popularity-count", Kind.POPULAR_ITEMS);
    add("aws-personalized-ranking-v2", Kind.PERSONALIZED_RANKING);
    add("aws-personalized-ranking", Kind.PERSONALIZED_RANKING);
    add("aws-semantic-similarity", Kind.RELATED_ITEMS);
    add("aws-similar-items", Kind.RELATED_ITEMS);
    add("aws-sims", Kind.RELATED_ITEMS);
    add("aws-next-best-action", Kind.PERSONALIZED_ACTIONS);
    add("aws-item-affinity", Kind.USER_SEGMENTATION);
    add("aws-item-attribute-affinity", Kind.USER_SEGMENTATION);
    domain("aws-ecomm-popular-items-by-views", Kind.POPULAR_ITEMS, "ECOMMERCE", "View", false);
    domain("aws-ecomm-popular-items-by-purchases", Kind.POPULAR_ITEMS, "ECOMMERCE", "Purchase", false);
    domain("aws-ecomm-frequently-bought-together", Kind.RELATED_ITEMS, "ECOMMERCE", "Purchase", false);
    domain("aws-ecomm-customers-who-viewed-x-also-viewed", Kind.RELATED_ITEMS, "ECOMMERCE", "View", true);
    domain("aws-ecomm-recommended-for-you", Kind.USER_PERSONALIZATION, "ECOMMERCE", null, true);
    domain("aws-vod-top-picks", Kind.USER_PERSONALIZATION, "VIDEO_ON_DEMAND", null, false);
    domain("aws-vod-because-you-watched-x", Kind.RELATED_ITEMS, "VIDEO_ON_DEMAND", null, false);
    domain("aws-vod-more-like-x", Kind.RELATED_ITEMS, "VIDEO_ON_DEMAND", null, false);
    domain("aws-vod-most-popular", Kind.POPULAR_ITEMS, "VIDEO_ON_DEMAND", null, false);
    domain("aws-vod-trending-now", Kind.POPULAR_ITEMS, "VIDEO_ON_DEMAND", null, false);
  }

  static Optional<Recipe> of(String arn) {
    return Optional.ofNullable(ALL.get(arn));
  }

  static Iterable<Map.Entry<String, Recipe>> all() {
    return ALL.entrySet();
  }

  String arn() {
    return PREFIX + name;
  }

  /** The recipe type as DescribeRecipe reports it. */
  String recipeType() {
    return kind.name();
  }
}
