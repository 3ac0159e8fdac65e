package dev.personalize4j.aws.provisioning;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ARNs and tracking id of an applied {@link PipelineSpec}, ready to configure the AWS entry point
 * (campaign or recommender ARNs for recommendations, filter ARNs, the tracking id for events, dataset
 * ARNs for catalog sync).
 */
public final class ProvisionedResources {
  private final String datasetGroupArn;
  private final Map<DatasetType, String> datasetArns;
  private final Map<DatasetType, String> schemaArns;
  private final Map<String, String> solutionArns;
  private final Map<String, String> solutionVersionArns;
  private final Map<String, String> campaignArns;
  private final Map<String, String> recommenderArns;
  private final Map<String, String> filterArns;
  private final Optional<String> eventTrackerArn;
  private final Optional<String> trackingId;

  private ProvisionedResources(Builder b) {
    this.datasetGroupArn = Objects.requireNonNull(b.datasetGroupArn, "datasetGroupArn");
    this.datasetArns = Collections.unmodifiableMap(new EnumMap<>(b.datasetArns));
    this.schemaArns = Collections.unmodifiableMap(new EnumMap<>(b.schemaArns));
    this.solutionArns = copy(b.solutionArns);
    this.solutionVersionArns = copy(b.solutionVersionArns);
    this.campaignArns = copy(b.campaignArns);
    this.recommenderArns = copy(b.recommenderArns);
    this.filterArns = copy(b.filterArns);
    this.eventTrackerArn = b.eventTrackerArn;
    this.trackingId = b.trackingId;
  }

  private static Map<String, String> copy(Map<String, String> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** Returns a builder; used by {@link Provisioner} and by tests that need a fixed set of ARNs. */
  public static Builder builder(String datasetGroupArn) {
    return new Builder(datasetGroupArn);
  }

  /** The dataset group's ARN. */
  public String datasetGroupArn() {
    return datasetGroupArn;
  }

  /**
   * The ARN of a declared dataset.
   *
   * @throws IllegalArgumentException if the dataset is not part of the pipeline
   */
  public String datasetArn(DatasetType type) {
    return get("dataset", datasetArns, type);
  }

  /** The ARN of the schema of a declared dataset. */
  public String schemaArn(DatasetType type) {
    return get("schema", schemaArns, type);
  }

  /** The ARN of a declared solution. */
  public String solutionArn(String solutionName) {
    return get("solution", solutionArns, solutionName);
  }

  /** The ARN of the ACTIVE solution version of a declared solution (the one its campaigns serve). */
  public String solutionVersionArn(String solutionName) {
    return get("solution version", solutionVersionArns, solutionName);
  }

  /** The ARN of a declared campaign. */
  public String campaignArn(String campaignName) {
    return get("campaign", campaignArns, campaignName);
  }

  /** The ARN of a declared recommender. */
  public String recommenderArn(String recommenderName) {
    return get("recommender", recommenderArns, recommenderName);
  }

  /** The ARN of a declared filter. */
  public String filterArn(String filterName) {
    return get("filter", filterArns, filterName);
  }

  /** Every filter's ARN by filter name, in declaration order. */
  public Map<String, String> filterArns() {
    return filterArns;
  }

  /** Every campaign's ARN by campaign name, in declaration order. */
  public Map<String, String> campaignArns() {
    return campaignArns;
  }

  /** Every recommender's ARN by recommender name, in declaration order. */
  public Map<String, String> recommenderArns() {
    return recommenderArns;
  }

  /** The event tracker's ARN, if one is declared. */
  public Optional<String> eventTrackerArn() {
    return eventTrackerArn;
  }

  /** The event tracker's tracking id for PutEvents, if one is declared. */
  public Optional<String> trackingId() {
    return trackingId;
  }

  private static <K> String get(String what, Map<K, String> map, K key) {
    String arn = map.get(Objects.requireNonNull(key, what));
    if (arn == null) {
      throw new IllegalArgumentException(what + " " + key + " is not part of the provisioned pipeline (known: "
          + map.keySet() + ")");
    }
    return arn;
  }

  @Override
  public String toString() {
    return "ProvisionedResources{datasetGroup=" + datasetGroupArn + ", datasets=" + datasetArns
        + ", solutionVersions=" + solutionVersionArns + ", campaigns=" + campaignArns
        + ", recommenders=" + recommenderArns + ", filters=" + filterArns
        + ", eventTracker=" + eventTrackerArn.orElse("-") + "}";
  }

  /** Collects the ARNs of a {@link ProvisionedResources}. */
  public static final class Builder {
    private final String datasetGroupArn;
    private final Map<DatasetType, String> datasetArns = new EnumMap<>(DatasetType.class);
    private final Map<DatasetType, String> schemaArns = new EnumMap<>(DatasetType.class);
    private final Map<String, String> solutionArns = new LinkedHashMap<>();
    private final Map<String, String> solutionVersionArns = new LinkedHashMap<>();
    private final Map<String, String> campaignArns = new LinkedHashMap<>();
    private final Map<String, String> recommenderArns = new LinkedHashMap<>();
    private final Map<String, String> filterArns = new LinkedHashMap<>();
    private Optional<String> eventTrackerArn = Optional.empty();
    private Optional<String> trackingId = Optional.empty();

    private Builder(String datasetGroupArn) {
      this.datasetGroupArn = Objects.requireNonNull(datasetGroupArn, "datasetGroupArn");
    }

    /** Sets a dataset's ARN and its schema's ARN. */
    public Builder dataset(DatasetType type, String datasetArn, String schemaArn) {
      datasetArns.put(type, datasetArn);
      schemaArns.put(type, schemaArn);
      return this;
    }

    /** Sets a solution's ARN and its active version's ARN. */
    public Builder solution(String name, String solutionArn, String solutionVersionArn) {
      solutionArns.put(name, solutionArn);
      solutionVersionArns.put(name, solutionVersionArn);
      return this;
    }

    /** Sets a campaign's ARN. */
    public Builder campaign(String name, String arn) {
      campaignArns.put(name, arn);
      return this;
    }

    /** Sets a recommender's ARN. */
    public Builder recommender(String name, String arn) {
      recommenderArns.put(name, arn);
      return this;
    }

    /** Sets a filter's ARN. */
    public Builder filter(String name, String arn) {
      filterArns.put(name, arn);
      return this;
    }

    /** Sets the event tracker's ARN and tracking id. */
    public Builder eventTracker(String arn, String trackingId) {
      this.eventTrackerArn = Optional.of(arn);
      this.trackingId = Optional.of(trackingId);
      return this;
    }

    /** Returns the resources. */
    public ProvisionedResources build() {
      return new ProvisionedResources(this);
    }
  }
}
