package dev.personalize4j.testing.emulator;

import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CampaignConfig;
import software.amazon.awssdk.services.personalize.model.Domain;

/** An ECOMMERCE dataset group with its three datasets and an event tracker, made through the SDK. */
final class Fixture {
  final PersonalizeClient control;
  final String group;
  final String interactions;
  final String items;
  final String users;
  final String trackingId;

  private Fixture(PersonalizeClient control, String name) {
    this.control = control;
    group = control.createDatasetGroup(b -> b.name(name).domain(Domain.ECOMMERCE)).datasetGroupArn();
    control.describeDatasetGroup(b -> b.datasetGroupArn(group));
    interactions = dataset(name, "Interactions", Schemas.INTERACTIONS);
    items = dataset(name, "Items", Schemas.ITEMS);
    users = dataset(name, "Users", Schemas.USERS);
    trackingId = control.createEventTracker(b -> b.name(name + "-tracker").datasetGroupArn(group)).trackingId();
  }

  static Fixture ecommerce(PersonalizeClient control, String name) {
    return new Fixture(control, name);
  }

  private String dataset(String prefix, String type, String schema) {
    String schemaArn = control.createSchema(b -> b.name(prefix + "-" + type).domain(Domain.ECOMMERCE).schema(schema))
        .schemaArn();
    String arn = control.createDataset(b -> b.name(prefix + "-" + type).datasetGroupArn(group).datasetType(type)
        .schemaArn(schemaArn)).datasetArn();
    control.describeDataset(b -> b.datasetArn(arn));
    return arn;
  }

  /** A campaign on a freshly trained version of a solution with {@code recipe}. */
  String campaign(String name, String recipe, boolean metadata, String eventType) {
    String solution = control.createSolution(b -> b.name(name + "-solution").datasetGroupArn(group).eventType(eventType)
        .recipeArn("arn:aws:personalize:::recipe/" + recipe)).solutionArn();
    control.describeSolution(b -> b.solutionArn(solution));
    String version = control.createSolutionVersion(b -> b.solutionArn(solution)).solutionVersionArn();
    String status = control.describeSolutionVersion(b -> b.solutionVersionArn(version)).solutionVersion().status();
    if (!status.equals("ACTIVE")) {
      throw new AssertionError("version " + version + " is " + status);
    }
    String campaign = control.createCampaign(b -> b.name(name).solutionVersionArn(version)
        .campaignConfig(CampaignConfig.builder().enableMetadataWithRecommendations(metadata).build())).campaignArn();
    control.describeCampaign(b -> b.campaignArn(campaign));
    return campaign;
  }

  String filter(String name, String expression) {
    String arn = control.createFilter(b -> b.name(name).datasetGroupArn(group).filterExpression(expression)).filterArn();
    control.describeFilter(b -> b.filterArn(arn));
    return arn;
  }
}
