package dev.personalize4j;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Promotes a share of the results from items matched by a named filter, e.g. 20 % of the list
 * from a seasonal category.
 *
 * @param name shown on promoted items, 1 to 63 characters
 * @param percentPromotedItems 1 to 100
 * @param filterName the filter that selects promoted items
 * @param filterValues values for the filter's placeholders
 */
public record Promotion(
    String name, int percentPromotedItems, String filterName, Map<String, List<String>> filterValues) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");

  /** Validates every field against Personalize's limits. */
  public Promotion {
    Check.length("promotion name", name, 1, Limits.MAX_PROMOTION_NAME_LENGTH);
    Check.pattern("promotion name", name, NAME, "start with a letter or digit and contain only letters, digits, '-' and '_'");
    Check.range("percentPromotedItems", percentPromotedItems, 1, 100);
    Objects.requireNonNull(filterName, "filterName");
    filterValues = Check.copyValues(Objects.requireNonNull(filterValues, "filterValues"));
    Check.filter("promotionFilter", Optional.of(filterName), filterValues);
  }

  /** Returns a promotion whose filter needs no values. */
  public static Promotion of(String name, int percentPromotedItems, String filterName) {
    return new Promotion(name, percentPromotedItems, filterName, Map.of());
  }
}
