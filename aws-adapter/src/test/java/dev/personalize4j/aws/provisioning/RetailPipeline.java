package dev.personalize4j.aws.provisioning;

/** The retail example pipeline used across the provisioning tests. */
final class RetailPipeline {
  static final String BUCKET = "retail-bucket";
  static final String UP = "retail-user-personalization";
  static final String SIMILAR = "retail-similar-items";
  static final String RANKING = "retail-ranking";
  static final String BEST_SELLERS = "retail-best-sellers";

  private RetailPipeline() {}

  static PipelineSpec.Builder builder(String group) {
    return PipelineSpec.builder(group, Domain.ECOMMERCE)
        .users(Field.required("AGE", FieldType.INT),
            Field.optional("GENDER", FieldType.CATEGORICAL),
            Field.optional("MEMBERSHIP", FieldType.CATEGORICAL))
        .items(Field.required("PRICE", FieldType.FLOAT),
            Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
            Field.optional("CATEGORY_L2", FieldType.CATEGORICAL))
        .bulkImport(DatasetType.INTERACTIONS, ImportSource.full("s3://" + BUCKET + "/" + group + "/interactions.csv"))
        .bulkImport(DatasetType.ITEMS, ImportSource.full("s3://" + BUCKET + "/" + group + "/items.csv"))
        .bulkImport(DatasetType.USERS, ImportSource.full("s3://" + BUCKET + "/" + group + "/users.csv"))
        .solution(SolutionSpec.of(UP, Recipe.USER_PERSONALIZATION))
        .solution(SolutionSpec.of(SIMILAR, Recipe.SIMILAR_ITEMS))
        .solution(SolutionSpec.of(RANKING, Recipe.PERSONALIZED_RANKING))
        .solution(SolutionSpec.builder(BEST_SELLERS, Recipe.POPULARITY_COUNT).eventType("Purchase").build())
        .campaign(CampaignSpec.builder("retail-for-you", UP).exploration(ItemExploration.of(0.3, 30)).build())
        .campaign(CampaignSpec.of("retail-similar", SIMILAR))
        .campaign(CampaignSpec.of("retail-rank", RANKING))
        .campaign(CampaignSpec.builder("retail-top", BEST_SELLERS).minProvisionedTps(2).build())
        .eventTracker("retail-tracker")
        .filter("exclude-purchased", "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")
        .filter("in-category", "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY)");
  }

  static PipelineSpec spec(String group) {
    return builder(group).build();
  }
}
