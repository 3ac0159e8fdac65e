package dev.personalize4j.aws.provisioning;

/** The use cases of domain recommenders (ECOMMERCE and VIDEO_ON_DEMAND dataset groups). */
public enum UseCase {
  /** Most viewed: popular items by View events. */
  ECOMMERCE_MOST_VIEWED(Domain.ECOMMERCE, "aws-ecomm-popular-items-by-views", false),
  /** Best sellers: popular items by Purchase events. */
  ECOMMERCE_BEST_SELLERS(Domain.ECOMMERCE, "aws-ecomm-popular-items-by-purchases", false),
  /** Frequently bought together: items bought with a given item. */
  ECOMMERCE_FREQUENTLY_BOUGHT_TOGETHER(Domain.ECOMMERCE, "aws-ecomm-frequently-bought-together", false),
  /** Customers who viewed X also viewed: items viewed with a given item. */
  ECOMMERCE_CUSTOMERS_WHO_VIEWED_X_ALSO_VIEWED(
      Domain.ECOMMERCE, "aws-ecomm-customers-who-viewed-x-also-viewed", false),
  /** Recommended for you: personalized items, with item exploration. */
  ECOMMERCE_RECOMMENDED_FOR_YOU(Domain.ECOMMERCE, "aws-ecomm-recommended-for-you", true),
  /** Top picks for you: personalized videos, with item exploration. */
  VOD_TOP_PICKS(Domain.VIDEO_ON_DEMAND, "aws-vod-top-picks", true),
  /** Because you watched X: videos for a user related to a given video. */
  VOD_BECAUSE_YOU_WATCHED_X(Domain.VIDEO_ON_DEMAND, "aws-vod-because-you-watched-x", false),
  /** More like X: videos similar to a given video. */
  VOD_MORE_LIKE_X(Domain.VIDEO_ON_DEMAND, "aws-vod-more-like-x", false),
  /** Most popular videos. */
  VOD_MOST_POPULAR(Domain.VIDEO_ON_DEMAND, "aws-vod-most-popular", false),
  /** Trending videos. */
  VOD_TRENDING_NOW(Domain.VIDEO_ON_DEMAND, "aws-vod-trending-now", false);

  private final Domain domain;
  private final String id;
  private final boolean exploration;

  UseCase(Domain domain, String id, boolean exploration) {
    this.domain = domain;
    this.id = id;
    this.exploration = exploration;
  }

  /** The domain whose dataset groups offer this use case. */
  public Domain domain() {
    return domain;
  }

  /** The use case's recipe ARN, e.g. {@code arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you}. */
  public String recipeArn() {
    return "arn:aws:personalize:::recipe/" + id;
  }

  /** Whether the recommender takes an item exploration config. */
  public boolean supportsExploration() {
    return exploration;
  }
}
