package dev.personalize4j.aws.provisioning;

import java.util.Optional;

/** The domain of a dataset group: a domain group (ECOMMERCE, VIDEO_ON_DEMAND) or a custom one. */
public enum Domain {
  /** Retail: domain schemas (PRICE, CATEGORY_L1 ...) and the ECOMMERCE recommenders. */
  ECOMMERCE("ECOMMERCE"),
  /** Streaming video: the VIDEO_ON_DEMAND recommenders. */
  VIDEO_ON_DEMAND("VIDEO_ON_DEMAND"),
  /** A custom dataset group: custom solutions and campaigns only. */
  CUSTOM(null);

  private final String apiValue;

  Domain(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The {@code domain} value sent to Personalize; empty for a custom group, which omits it. */
  public Optional<String> apiValue() {
    return Optional.ofNullable(apiValue);
  }
}
