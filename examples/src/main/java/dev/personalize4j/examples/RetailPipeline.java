package dev.personalize4j.examples;

import dev.personalize4j.EventType;
import dev.personalize4j.aws.provisioning.CampaignSpec;
import dev.personalize4j.aws.provisioning.DatasetType;
import dev.personalize4j.aws.provisioning.Domain;
import dev.personalize4j.aws.provisioning.Field;
import dev.personalize4j.aws.provisioning.FieldType;
import dev.personalize4j.aws.provisioning.ImportSource;
import dev.personalize4j.aws.provisioning.PipelineSpec;
import dev.personalize4j.aws.provisioning.Recipe;
import dev.personalize4j.aws.provisioning.SolutionSpec;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Personalize pipeline of the retail demo as code: an ECOMMERCE dataset group whose datasets
 * match {@link RetailData}'s CSV files, four solutions with a campaign each (for you, similar items,
 * ranking, best sellers), an event tracker and the two filters the demo uses.
 */
public final class RetailPipeline {
  /** Dataset group name. */
  public static final String DATASET_GROUP = "retail-demo";
  /** Campaign (and solution) behind {@code forUser}: User-Personalization-v2. */
  public static final String FOR_YOU = "retail-for-you";
  /** Campaign behind {@code similarTo}: SIMS. */
  public static final String SIMILAR = "retail-similar";
  /** Campaign behind {@code rank}: Personalized-Ranking-v2. */
  public static final String RANKING = "retail-ranking";
  /** Campaign behind {@code popular}: Popularity-Count over purchases. */
  public static final String BEST_SELLERS = "retail-best-sellers";
  /** The event tracker. */
  public static final String TRACKER = "retail-demo-tracker";
  /** Filter leaving out what the user already bought. */
  public static final String EXCLUDE_PURCHASED = "exclude-purchased";
  /** Filter keeping one department, chosen per request with the {@code CATEGORY} parameter. */
  public static final String IN_CATEGORY = "in-category";
  /** The placeholder of {@link #IN_CATEGORY}. */
  public static final String CATEGORY_PARAMETER = "CATEGORY";

  private RetailPipeline() {}

  /**
   * The pipeline whose bulk imports read {@code items.csv}, {@code users.csv} and
   * {@code interactions.csv} under {@code location} (e.g. {@code s3://my-bucket/retail/}).
   */
  public static PipelineSpec spec(String location) {
    return spec(location, Optional.empty());
  }

  /**
   * Like {@link #spec(String)}, with the IAM role Personalize assumes to read the files from S3
   * (needed on AWS; the role must allow {@code s3:GetObject} and {@code s3:ListBucket} on the bucket).
   */
  public static PipelineSpec spec(String location, String importRoleArn) {
    return spec(location, Optional.of(importRoleArn));
  }

  private static PipelineSpec spec(String location, Optional<String> roleArn) {
    String base = location.endsWith("/") ? location : location + "/";
    Function<String, ImportSource> source = file -> {
      ImportSource s = ImportSource.full(base + file);
      return roleArn.map(s::withRoleArn).orElse(s);
    };
    return PipelineSpec.builder(DATASET_GROUP, Domain.ECOMMERCE)
        .items(
            Field.required("PRICE", FieldType.FLOAT),
            Field.required("CATEGORY_L1", FieldType.CATEGORICAL),
            Field.required("CATEGORY_L2", FieldType.CATEGORICAL))
        .users(
            Field.required(RetailData.AGE, FieldType.INT),
            Field.required(RetailData.GENDER, FieldType.CATEGORICAL),
            Field.required(RetailData.MEMBERSHIP, FieldType.CATEGORICAL))
        .bulkImport(DatasetType.ITEMS, source.apply("items.csv"))
        .bulkImport(DatasetType.USERS, source.apply("users.csv"))
        .bulkImport(DatasetType.INTERACTIONS, source.apply("interactions.csv"))
        .solution(SolutionSpec.of(FOR_YOU, Recipe.USER_PERSONALIZATION_V2))
        .solution(SolutionSpec.of(SIMILAR, Recipe.SIMS))
        .solution(SolutionSpec.of(RANKING, Recipe.PERSONALIZED_RANKING_V2))
        .solution(SolutionSpec.builder(BEST_SELLERS, Recipe.POPULARITY_COUNT).eventType(EventType.PURCHASE).build())
        .campaign(CampaignSpec.of(FOR_YOU, FOR_YOU))
        .campaign(CampaignSpec.of(SIMILAR, SIMILAR))
        .campaign(CampaignSpec.of(RANKING, RANKING))
        .campaign(CampaignSpec.of(BEST_SELLERS, BEST_SELLERS))
        .eventTracker(TRACKER)
        .filter(EXCLUDE_PURCHASED, "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")
        .filter(IN_CATEGORY, "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($" + CATEGORY_PARAMETER + ")")
        .build();
  }
}
