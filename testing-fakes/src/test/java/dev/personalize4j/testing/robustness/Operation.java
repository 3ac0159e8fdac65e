package dev.personalize4j.testing.robustness;

import java.util.List;
import java.util.Optional;

/**
 * The operations fuzzed, each with a well-formed request body whose resources do not exist (so a
 * request that slips through validation still ends in a 4xx, never in a created resource).
 */
enum Operation {
  GET_RECOMMENDATIONS("/recommendations", null, """
      {"campaignArn":"arn:aws:personalize:us-east-1:000000000000:campaign/none","userId":"u1","numResults":10,
       "context":{"DEVICE":"mobile"},"filterArn":"arn:aws:personalize:us-east-1:000000000000:filter/none",
       "filterValues":{"CATEGORY":"\\"shoes\\""},"metadataColumns":{"ITEMS":["PRICE"]},
       "promotions":[{"name":"p1","percentPromotedItems":10,
         "filterArn":"arn:aws:personalize:us-east-1:000000000000:filter/none","filterValues":{"X":"\\"y\\""}}]}
      """),
  GET_PERSONALIZED_RANKING("/personalize-ranking", null, """
      {"campaignArn":"arn:aws:personalize:us-east-1:000000000000:campaign/none","userId":"u1",
       "inputList":["i1","i2","i3"],"context":{"DEVICE":"mobile"}}
      """),
  PUT_EVENTS("/events", null, """
      {"trackingId":"00000000-0000-0000-0000-000000000000","sessionId":"s1","userId":"u1",
       "eventList":[{"eventId":"e1","eventType":"View","itemId":"i1","sentAt":1733318401.000,"eventValue":1.5,
         "properties":"{\\"device\\":\\"mobile\\"}","recommendationId":"RID-1","impression":["i1","i2"]}]}
      """),
  PUT_ITEMS("/items", null, """
      {"datasetArn":"arn:aws:personalize:us-east-1:000000000000:dataset/none/ITEMS",
       "items":[{"itemId":"i1","properties":"{\\"price\\":9.99}"}]}
      """),
  PUT_USERS("/users", null, """
      {"datasetArn":"arn:aws:personalize:us-east-1:000000000000:dataset/none/USERS",
       "users":[{"userId":"u1","properties":"{\\"gender\\":\\"f\\"}"}]}
      """),
  DESCRIBE_CAMPAIGN("/", "DescribeCampaign", """
      {"campaignArn":"arn:aws:personalize:us-east-1:000000000000:campaign/none"}
      """),
  DESCRIBE_DATASET_GROUP("/", "DescribeDatasetGroup", """
      {"datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/none"}
      """),
  CREATE_DATASET("/", "CreateDataset", """
      {"name":"ds1","schemaArn":"arn:aws:personalize:us-east-1:000000000000:schema/none",
       "datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/none","datasetType":"Interactions"}
      """),
  CREATE_SOLUTION("/", "CreateSolution", """
      {"name":"sol1","datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/none",
       "recipeArn":"arn:aws:personalize:::recipe/aws-user-personalization","performHPO":false}
      """),
  CREATE_CAMPAIGN("/", "CreateCampaign", """
      {"name":"c1","solutionVersionArn":"arn:aws:personalize:us-east-1:000000000000:solution/none/v1",
       "minProvisionedTPS":1}
      """),
  CREATE_EVENT_TRACKER("/", "CreateEventTracker", """
      {"name":"t1","datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/none"}
      """),
  CREATE_FILTER("/", "CreateFilter", """
      {"name":"f1","datasetGroupArn":"arn:aws:personalize:us-east-1:000000000000:dataset-group/none",
       "filterExpression":"EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\\"Purchase\\")"}
      """),
  LIST_CAMPAIGNS("/", "ListCampaigns", """
      {"solutionArn":"arn:aws:personalize:us-east-1:000000000000:solution/none","maxResults":10}
      """),
  LIST_DATASET_GROUPS("/", "ListDatasetGroups", """
      {"maxResults":10}
      """);

  /**
   * Operations whose every variant must fail: each needs a resource that does not exist, so even a
   * mangled body that stays valid ends in a 4xx. The List operations legitimately answer 200.
   */
  static final List<Operation> FUZZED =
      List.of(values()).stream().filter(o -> o != LIST_DATASET_GROUPS && o != LIST_CAMPAIGNS).toList();

  private final String path;
  private final String operationName;
  private final String template;

  Operation(String path, String operationName, String template) {
    this.path = path;
    this.operationName = operationName;
    this.template = template.strip();
  }

  String path() {
    return path;
  }

  Optional<String> target() {
    return Optional.ofNullable(operationName).map(n -> "AmazonPersonalize." + n);
  }

  String contentType() {
    return operationName == null ? "application/json" : "application/x-amz-json-1.1";
  }

  String template() {
    return template;
  }
}
