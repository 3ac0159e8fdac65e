package dev.personalize4j.aws.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import org.junit.jupiter.api.Test;

class PipelineSpecTest {
  private static final PipelineSpec RETAIL = RetailPipeline.spec("retail");

  @Test
  void derivesNamesAndKeepsDeclarationOrder() {
    assertThat(RETAIL.datasetTypes()).containsExactly(DatasetType.INTERACTIONS, DatasetType.ITEMS, DatasetType.USERS);
    assertThat(RETAIL.datasetName(DatasetType.ITEMS)).isEqualTo("retail-items");
    assertThat(RETAIL.schemaName(DatasetType.INTERACTIONS)).isEqualTo("retail-interactions");
    assertThat(RETAIL.solutions()).extracting(SolutionSpec::name).containsExactly(
        RetailPipeline.UP, RetailPipeline.SIMILAR, RetailPipeline.RANKING, RetailPipeline.BEST_SELLERS);
    assertThat(RETAIL.solution(RetailPipeline.BEST_SELLERS).orElseThrow().eventType()).contains("Purchase");
    assertThat(RETAIL.solution(RetailPipeline.UP).orElseThrow().hpo()).isFalse();
    assertThat(RETAIL.solution(RetailPipeline.UP).orElseThrow().autoTraining()).isFalse();
    assertThat(RETAIL.filters()).extracting(FilterSpec::name).containsExactly("exclude-purchased", "in-category");
    assertThat(RETAIL.eventTrackerName()).contains("retail-tracker");
    assertThat(RETAIL.csvHeader(DatasetType.USERS)).containsExactly("USER_ID", "AGE", "GENDER", "MEMBERSHIP");
  }

  @Test
  void validatesItemsAgainstTheDeclaredFields() {
    Item ok = Item.builder(ItemId.of("i1")).price(9.99).categoryL1("shoes").categoryL2("running").build();
    assertThatCode(() -> RETAIL.validate(ok)).doesNotThrowAnyException();
    assertThatThrownBy(() -> RETAIL.validate(Item.builder(ItemId.of("i2")).categoryL1("shoes").build()))
        .hasMessage("item i2 lacks the required Items field PRICE (FLOAT)");
    assertThatThrownBy(() -> RETAIL.validate(ok.toBuilder().description("nice").build()))
        .hasMessageStartingWith("item i1 has field PRODUCT_DESCRIPTION which the Items schema does not declare");
    assertThatThrownBy(() -> RETAIL.validate(ok.toBuilder().attribute("CATEGORY_L2", AttributeValue.numeric(3)).build()))
        .hasMessage("item i1 field CATEGORY_L2 must be categorical but was numeric");
    assertThatThrownBy(() -> RETAIL.validate(ok.toBuilder().numeric("PRICE", 1e300).build()))
        .hasMessageStartingWith("item i1 field PRICE must be a FLOAT");
  }

  @Test
  void validatesUsersAgainstTheDeclaredFields() {
    User ok = User.builder(UserId.of("u1")).numeric("AGE", 31).categorical("GENDER", "F").build();
    assertThatCode(() -> RETAIL.validate(ok)).doesNotThrowAnyException();
    assertThatThrownBy(() -> RETAIL.validate(User.builder(UserId.of("u2")).numeric("AGE", 31.5).build()))
        .hasMessageStartingWith("user u2 field AGE must be an INT");
    assertThatThrownBy(() -> RETAIL.validate(User.builder(UserId.of("u3")).categorical("GENDER", "F").build()))
        .hasMessage("user u3 lacks the required Users field AGE (INT)");
    assertThatThrownBy(() -> RETAIL.validate(ok.toBuilder().categorical("COUNTRY", "NL").build()))
        .hasMessageStartingWith("user u1 has field COUNTRY which the Users schema does not declare");
  }

  @Test
  void booleanFieldsTakeTrueOrFalse() {
    PipelineSpec spec = PipelineSpec.builder("flags", Domain.CUSTOM)
        .items(Field.required("ADULT_ONLY", FieldType.BOOLEAN)).build();
    assertThatCode(() -> spec.validate(Item.builder(ItemId.of("a")).categorical("ADULT_ONLY", "True").build()))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> spec.validate(Item.builder(ItemId.of("b")).categorical("ADULT_ONLY", "yes").build()))
        .hasMessage("item b field ADULT_ONLY must be the categorical value True or False but was 'yes'");
    assertThatThrownBy(() -> spec.validate(User.of(UserId.of("u"))))
        .isInstanceOf(IllegalStateException.class).hasMessage("no Users dataset is declared in pipeline flags");
  }

  @Test
  void validatesInteractionProperties() {
    PipelineSpec spec = PipelineSpec.builder("events", Domain.CUSTOM)
        .interactions(Field.optional("EVENT_VALUE", FieldType.FLOAT), Field.required("DEVICE", FieldType.CATEGORICAL))
        .build();
    Interaction ok = Interaction.builder().userId(UserId.of("u")).itemId(ItemId.of("i")).eventType(EventType.VIEW)
        .eventValue(2.0).putProperties("DEVICE", AttributeValue.categorical("mobile")).build();
    assertThatCode(() -> spec.validate(ok)).doesNotThrowAnyException();
    assertThatThrownBy(() -> spec.validate(Interaction.of(UserId.of("u"), ItemId.of("i"), EventType.VIEW)))
        .hasMessage("interaction lacks the required Interactions field DEVICE (CATEGORICAL)");
    assertThatThrownBy(() -> RETAIL.validate(ok))
        .hasMessageStartingWith("interaction has field DEVICE which the Interactions schema does not declare");
  }

  @Test
  void campaignsMustServeDeclaredCampaignableSolutions() {
    assertThatThrownBy(() -> RetailPipeline.builder("r").campaign(CampaignSpec.of("c", "nope")).build())
        .hasMessageStartingWith("campaign c serves solution nope which is not declared");
    assertThatThrownBy(() -> RetailPipeline.builder("r")
        .solution(SolutionSpec.of("segments", Recipe.ITEM_AFFINITY))
        .campaign(CampaignSpec.of("c", "segments")).build())
        .hasMessage("campaign c cannot serve solution segments: recipe ITEM_AFFINITY is for batch segment jobs only");
    assertThatThrownBy(() -> RetailPipeline.builder("r")
        .campaign(CampaignSpec.builder("c", RetailPipeline.SIMILAR).exploration(ItemExploration.weight(0.5)).build())
        .build())
        .hasMessageStartingWith("campaign c must not set item exploration: recipe SIMILAR_ITEMS");
  }

  @Test
  void recommendersMustMatchTheDomain() {
    assertThat(PipelineSpec.builder("shop", Domain.ECOMMERCE)
        .recommender(RecommenderSpec.builder("rfy", UseCase.ECOMMERCE_RECOMMENDED_FOR_YOU)
            .exploration(ItemExploration.of(0.2, 7)).build())
        .build().recommenders()).hasSize(1);
    assertThatThrownBy(() -> PipelineSpec.builder("shop", Domain.ECOMMERCE)
        .recommender(RecommenderSpec.of("top", UseCase.VOD_TOP_PICKS)).build())
        .hasMessage("recommender top uses VOD_TOP_PICKS of domain VIDEO_ON_DEMAND but the dataset group's domain is ECOMMERCE");
    assertThatThrownBy(() -> PipelineSpec.builder("custom", Domain.CUSTOM)
        .recommender(RecommenderSpec.of("b", UseCase.ECOMMERCE_BEST_SELLERS)).build())
        .hasMessageContaining("the dataset group's domain is CUSTOM");
    assertThatThrownBy(() -> RecommenderSpec.builder("b", UseCase.ECOMMERCE_BEST_SELLERS).exploration(ItemExploration.weight(0.1)))
        .hasMessage("exploration of recommender b must not be set: use case ECOMMERCE_BEST_SELLERS does not explore items");
  }

  @Test
  void filtersMustReferToDeclaredFilterableFields() {
    assertThatThrownBy(() -> RetailPipeline.builder("r").filter("f", "INCLUDE ItemID WHERE Items.COLOR IN ($C)").build())
        .hasMessage("filter f uses Items.COLOR which the Items schema does not declare");
    assertThatThrownBy(() -> RetailPipeline.builder("r").filter("f", "EXCLUDE ItemID WHERE Interactions.ITEM_ID IN (\"x\")").build())
        .hasMessage("filter f uses Interactions.ITEM_ID but only Interactions.EVENT_TYPE can be filtered");
    assertThatThrownBy(() -> PipelineSpec.builder("r", Domain.CUSTOM).filter("f", "INCLUDE ItemID WHERE Items.GENRE IN ($G)").build())
        .hasMessage("filter f uses Items.GENRE but the Items dataset is not declared");
    assertThatThrownBy(() -> new FilterSpec("f", "ItemID WHERE Items.GENRE IN ($G)"))
        .hasMessageStartingWith("expression of filter f must start with INCLUDE or EXCLUDE");
    assertThatThrownBy(() -> new FilterSpec("f", "INCLUDE " + "x".repeat(2500)))
        .hasMessage("expression of filter f must be 1 to 2500 characters but was 2508");
  }

  @Test
  void namesAndQuotasAreValidated() {
    assertThatThrownBy(() -> PipelineSpec.builder("-bad", Domain.CUSTOM))
        .hasMessageStartingWith("dataset group name must start with a letter or digit");
    assertThatThrownBy(() -> PipelineSpec.builder("g".repeat(41), Domain.CUSTOM))
        .hasMessageStartingWith("dataset group name must be at most 40 characters");
    assertThatThrownBy(() -> RetailPipeline.builder("r").solution(SolutionSpec.of(RetailPipeline.UP, Recipe.SIMS)))
        .hasMessage("solution name retail-user-personalization must be unique but is declared twice");
    PipelineSpec.Builder many = PipelineSpec.builder("many", Domain.CUSTOM);
    for (int i = 0; i < 11; i++) {
      many.solution(SolutionSpec.of("s" + i, Recipe.SIMS));
    }
    assertThatThrownBy(many::build).hasMessage("a dataset group must have at most 10 solutions but 11 are declared");
    assertThatThrownBy(() -> PipelineSpec.builder("x", Domain.CUSTOM)
        .bulkImport(DatasetType.USERS, ImportSource.full("s3://b/u.csv")).build())
        .hasMessage("bulk import into Users needs the Users dataset to be declared");
    assertThatThrownBy(() -> PipelineSpec.builder("x", Domain.CUSTOM)
        .solution(SolutionSpec.of("nba", Recipe.NEXT_BEST_ACTION)).build())
        .hasMessageStartingWith("solution nba must not use NEXT_BEST_ACTION");
  }

  @Test
  void solutionAndImportOptionsAreValidated() {
    assertThatThrownBy(() -> SolutionSpec.builder("pop", Recipe.POPULARITY_COUNT).hpo(true))
        .hasMessage("hpo of solution pop must be off: recipe POPULARITY_COUNT has no hyperparameters to tune");
    assertThatThrownBy(() -> SolutionSpec.builder("up", Recipe.USER_PERSONALIZATION).autoTrainingIntervalDays(31))
        .hasMessage("autoTrainingIntervalDays of solution up must be between 1 and 30 but was 31");
    assertThat(SolutionSpec.builder("up", Recipe.USER_PERSONALIZATION).autoTrainingIntervalDays(3).build().autoTraining())
        .isTrue();
    assertThatThrownBy(() -> ImportSource.full("ftp://x/y"))
        .hasMessage("import dataLocation must start with s3://, http:// or https:// but was 'ftp://x/y'");
    assertThatThrownBy(() -> ImportSource.full("s3://b/k").withRoleArn("role"))
        .hasMessageStartingWith("import roleArn must match");
    assertThat(ImportSource.incremental("s3://b/k").withRoleArn("arn:aws:iam::123456789012:role/PersonalizeS3").roleArn())
        .contains("arn:aws:iam::123456789012:role/PersonalizeS3");
    assertThatThrownBy(() -> CampaignSpec.builder("c", "s").minProvisionedTps(0))
        .hasMessage("minProvisionedTPS of campaign c must be at least 1 but was 0");
    assertThatThrownBy(() -> ItemExploration.of(1.5, 30))
        .hasMessage("explorationWeight must be between 0.0 and 1.0 but was 1.5");
    assertThat(ItemExploration.of(0.3, 30).toConfig())
        .containsEntry("explorationWeight", "0.3").containsEntry("explorationItemAgeCutOff", "30");
  }

  @Test
  void recipesAndUseCasesCarryTheirArns() {
    assertThat(Recipe.USER_PERSONALIZATION.arn()).isEqualTo("arn:aws:personalize:::recipe/aws-user-personalization");
    assertThat(Recipe.values()).hasSize(15);
    assertThat(Recipe.fromArn("arn:aws:personalize:::recipe/aws-sims")).contains(Recipe.SIMS);
    assertThat(UseCase.ECOMMERCE_BEST_SELLERS.recipeArn())
        .isEqualTo("arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-purchases");
    assertThat(UseCase.values()).hasSize(10);
    assertThat(Domain.CUSTOM.apiValue()).isEmpty();
  }
}
