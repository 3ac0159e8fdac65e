package dev.personalize4j.aws.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How much a User-Personalization campaign or a recommender explores new or rarely shown items.
 *
 * @param weight the exploration weight, 0 to 1 (Personalize's default 0.3)
 * @param itemAgeCutOffDays only items younger than this many days are explored (default 30)
 */
public record ItemExploration(Optional<Double> weight, Optional<Integer> itemAgeCutOffDays) {
  /** Validates the ranges. */
  public ItemExploration {
    weight.ifPresent(w -> {
      if (!(w >= 0.0 && w <= 1.0)) {
        throw new IllegalArgumentException("explorationWeight must be between 0.0 and 1.0 but was " + w);
      }
    });
    itemAgeCutOffDays.ifPresent(d -> {
      if (d < 1) {
        throw new IllegalArgumentException("explorationItemAgeCutOff must be at least 1 day but was " + d);
      }
    });
  }

  /** Returns an exploration config with both settings. */
  public static ItemExploration of(double weight, int itemAgeCutOffDays) {
    return new ItemExploration(Optional.of(weight), Optional.of(itemAgeCutOffDays));
  }

  /** Returns a config setting only the weight. */
  public static ItemExploration weight(double weight) {
    return new ItemExploration(Optional.of(weight), Optional.empty());
  }

  /** The {@code itemExplorationConfig} map Personalize takes. */
  public Map<String, String> toConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    weight.ifPresent(w -> config.put("explorationWeight", Double.toString(w)));
    itemAgeCutOffDays.ifPresent(d -> config.put("explorationItemAgeCutOff", Integer.toString(d)));
    return Map.copyOf(config);
  }
}
