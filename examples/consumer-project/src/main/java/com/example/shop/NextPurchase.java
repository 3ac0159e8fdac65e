package com.example.shop;

import dev.personalize4j.Recommender;
import dev.personalize4j.UserId;

/** Application code as a user would write it: it knows only the core API. */
public final class NextPurchase {
  private final Recommender recommender;

  public NextPurchase(Recommender recommender) {
    this.recommender = recommender;
  }

  /** The product this customer is most likely to buy next. */
  public String topPickFor(String customerId) {
    return recommender.forUser(UserId.of(customerId)).items().get(0).itemId().value();
  }
}
