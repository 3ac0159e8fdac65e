package dev.personalize4j.aws.provisioning;

import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.User;
import dev.personalize4j.aws.provisioning.internal.AvroSchemas;
import dev.personalize4j.aws.provisioning.internal.Names;
import dev.personalize4j.aws.provisioning.internal.RecordValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declaration of a whole Personalize pipeline: a dataset group, the fields of its datasets (from
 * which Avro schemas are generated), bulk imports, solutions, campaigns, domain recommenders, an event
 * tracker and filters. Immutable and fully validated on {@link Builder#build()}; {@link Provisioner}
 * brings it into existence. Resource names of datasets, schemas and import jobs derive from the
 * dataset group name, e.g. {@code retail-items}.
 */
public final class PipelineSpec {
  /** Maximum length of the dataset group name, so that derived names fit Personalize's 63 characters. */
  public static final int MAX_GROUP_NAME_LENGTH = 40;
  /** Maximum number of solutions per dataset group. */
  public static final int MAX_SOLUTIONS = 10;
  /** Maximum number of campaigns per dataset group. */
  public static final int MAX_CAMPAIGNS = 5;
  /** Maximum number of recommenders per dataset group. */
  public static final int MAX_RECOMMENDERS = 5;
  /** Maximum number of filters per dataset group. */
  public static final int MAX_FILTERS = 30;

  private static final Set<String> RESERVED_INTERACTION_FIELDS =
      Set.of("EVENT_VALUE", "IMPRESSION", "RECOMMENDATION_ID", "EVENT_ATTRIBUTION_SOURCE");
  private static final Pattern FILTER_FIELD =
      Pattern.compile("\\b(Interactions|Items|Users|CurrentUser|CurrentItem)\\.([A-Za-z0-9_]+)");

  private final String datasetGroupName;
  private final Domain domain;
  private final Map<DatasetType, List<Field>> fields;
  private final Map<DatasetType, String> schemas;
  private final Map<DatasetType, List<ImportSource>> imports;
  private final List<SolutionSpec> solutions;
  private final List<CampaignSpec> campaigns;
  private final List<RecommenderSpec> recommenders;
  private final Optional<String> eventTrackerName;
  private final List<FilterSpec> filters;

  private PipelineSpec(Builder b, Map<DatasetType, String> schemas) {
    this.datasetGroupName = b.datasetGroupName;
    this.domain = b.domain;
    this.fields = Collections.unmodifiableMap(new EnumMap<>(b.fields));
    this.schemas = Collections.unmodifiableMap(schemas);
    Map<DatasetType, List<ImportSource>> imp = new EnumMap<>(DatasetType.class);
    b.imports.forEach((t, l) -> imp.put(t, List.copyOf(l)));
    this.imports = Collections.unmodifiableMap(imp);
    this.solutions = List.copyOf(b.solutions.values());
    this.campaigns = List.copyOf(b.campaigns.values());
    this.recommenders = List.copyOf(b.recommenders.values());
    this.eventTrackerName = b.eventTrackerName;
    this.filters = List.copyOf(b.filters.values());
  }

  /** Returns a builder for the dataset group {@code datasetGroupName} of {@code domain}. */
  public static Builder builder(String datasetGroupName, Domain domain) {
    return new Builder(datasetGroupName, domain);
  }

  /** The dataset group name. */
  public String datasetGroupName() {
    return datasetGroupName;
  }

  /** The dataset group's domain. */
  public Domain domain() {
    return domain;
  }

  /** The declared datasets: always INTERACTIONS, then ITEMS and USERS if declared. */
  public Set<DatasetType> datasetTypes() {
    return schemas.keySet();
  }

  /** Whether the dataset {@code type} is declared. */
  public boolean hasDataset(DatasetType type) {
    return schemas.containsKey(type);
  }

  /** The declared metadata fields of a dataset (without the generated id, type and time fields). */
  public List<Field> fields(DatasetType type) {
    requireDataset(type);
    return fields.getOrDefault(type, List.of());
  }

  /** Every schema field of a dataset in schema (and CSV column) order, generated ones first. */
  public List<Field> schemaFields(DatasetType type) {
    requireDataset(type);
    return AvroSchemas.schemaFields(domain, type, fields(type));
  }

  /** The CSV header a bulk import file of the dataset must have. */
  public List<String> csvHeader(DatasetType type) {
    return schemaFields(type).stream().map(Field::name).toList();
  }

  /** The generated Avro schema JSON of a dataset. */
  public String schemaJson(DatasetType type) {
    requireDataset(type);
    return schemas.get(type);
  }

  /** The derived dataset name, e.g. {@code retail-interactions}. */
  public String datasetName(DatasetType type) {
    return datasetGroupName + "-" + type.nameSuffix();
  }

  /** The derived schema name, equal to the dataset name (schemas have their own namespace). */
  public String schemaName(DatasetType type) {
    return datasetName(type);
  }

  /** The bulk imports of a dataset, in declaration order. */
  public List<ImportSource> importSources(DatasetType type) {
    return imports.getOrDefault(type, List.of());
  }

  /** The declared solutions, in declaration order. */
  public List<SolutionSpec> solutions() {
    return solutions;
  }

  /** The declared solution called {@code name}, if any. */
  public Optional<SolutionSpec> solution(String name) {
    return solutions.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The declared campaigns, in declaration order. */
  public List<CampaignSpec> campaigns() {
    return campaigns;
  }

  /** The declared recommenders, in declaration order. */
  public List<RecommenderSpec> recommenders() {
    return recommenders;
  }

  /** The event tracker's name, if one is declared. */
  public Optional<String> eventTrackerName() {
    return eventTrackerName;
  }

  /** The declared filters, in declaration order. */
  public List<FilterSpec> filters() {
    return filters;
  }

  /**
   * Checks an item against the declared Items fields, so that records sent with PutItems match the
   * schema.
   *
   * @throws IllegalArgumentException naming the item, the field and the mismatch
   * @throws IllegalStateException if no Items dataset is declared
   */
  public void validate(Item item) {
    if (!hasDataset(DatasetType.ITEMS)) {
      throw new IllegalStateException("no Items dataset is declared in pipeline " + datasetGroupName);
    }
    RecordValidator.validate("item " + item.id().value(), "Items", fields(DatasetType.ITEMS), item.attributes());
  }

  /**
   * Checks a user against the declared Users fields.
   *
   * @throws IllegalArgumentException naming the field and the mismatch (never the values)
   * @throws IllegalStateException if no Users dataset is declared
   */
  public void validate(User user) {
    if (!hasDataset(DatasetType.USERS)) {
      throw new IllegalStateException("no Users dataset is declared in pipeline " + datasetGroupName);
    }
    RecordValidator.validate("user " + user.id().value(), "Users", fields(DatasetType.USERS), user.attributes());
  }

  /**
   * Checks an interaction's properties and event value against the declared Interactions fields.
   *
   * @throws IllegalArgumentException naming the field and the mismatch
   */
  public void validate(Interaction interaction) {
    List<Field> declared = fields(DatasetType.INTERACTIONS);
    List<Field> metadata = declared.stream().filter(f -> !RESERVED_INTERACTION_FIELDS.contains(f.name())).toList();
    RecordValidator.validate("interaction", "Interactions", metadata, interaction.properties());
    Optional<Field> eventValue = declared.stream().filter(f -> f.name().equals("EVENT_VALUE")).findFirst();
    if (interaction.eventValue().isPresent() && eventValue.isEmpty()) {
      throw new IllegalArgumentException(
          "interaction has an eventValue but the Interactions schema does not declare EVENT_VALUE");
    }
    if (interaction.eventValue().isEmpty() && eventValue.map(Field::required).orElse(false)) {
      throw new IllegalArgumentException("interaction lacks the required Interactions field EVENT_VALUE (FLOAT)");
    }
  }

  private void requireDataset(DatasetType type) {
    if (!schemas.containsKey(Objects.requireNonNull(type, "type"))) {
      throw new IllegalArgumentException("dataset " + type.apiName() + " is not declared in pipeline " + datasetGroupName);
    }
  }

  @Override
  public String toString() {
    return "PipelineSpec{" + datasetGroupName + ", " + domain + ", datasets=" + datasetTypes()
        + ", solutions=" + solutions.stream().map(SolutionSpec::name).toList()
        + ", campaigns=" + campaigns.stream().map(CampaignSpec::name).toList()
        + ", recommenders=" + recommenders.stream().map(RecommenderSpec::name).toList()
        + ", filters=" + filters.stream().map(FilterSpec::name).toList() + "}";
  }

  /** Builds a {@link PipelineSpec}; {@link #build()} checks every rule across the declaration. */
  public static final class Builder {
    private final String datasetGroupName;
    private final Domain domain;
    private final Map<DatasetType, List<Field>> fields = new EnumMap<>(DatasetType.class);
    private final Map<DatasetType, List<ImportSource>> imports = new EnumMap<>(DatasetType.class);
    private final Map<String, SolutionSpec> solutions = new LinkedHashMap<>();
    private final Map<String, CampaignSpec> campaigns = new LinkedHashMap<>();
    private final Map<String, RecommenderSpec> recommenders = new LinkedHashMap<>();
    private final Map<String, FilterSpec> filters = new LinkedHashMap<>();
    private Optional<String> eventTrackerName = Optional.empty();

    private Builder(String datasetGroupName, Domain domain) {
      Names.validate("dataset group name", datasetGroupName);
      if (datasetGroupName.length() > MAX_GROUP_NAME_LENGTH) {
        throw new IllegalArgumentException("dataset group name must be at most " + MAX_GROUP_NAME_LENGTH
            + " characters (so derived dataset, schema and import job names fit 63) but was "
            + datasetGroupName.length());
      }
      this.datasetGroupName = datasetGroupName;
      this.domain = Objects.requireNonNull(domain, "domain");
      fields.put(DatasetType.INTERACTIONS, List.of());
    }

    /** Declares the Users dataset with these metadata fields (USER_ID is generated). */
    public Builder users(Field... metadata) {
      return dataset(DatasetType.USERS, Arrays.asList(metadata));
    }

    /** Declares the Items dataset with these metadata fields (ITEM_ID is generated). */
    public Builder items(Field... metadata) {
      return dataset(DatasetType.ITEMS, Arrays.asList(metadata));
    }

    /**
     * Declares the Interactions dataset's extra fields: reserved ones such as EVENT_VALUE and up to 5
     * metadata fields (USER_ID, ITEM_ID, EVENT_TYPE and TIMESTAMP are generated).
     */
    public Builder interactions(Field... fields) {
      return dataset(DatasetType.INTERACTIONS, Arrays.asList(fields));
    }

    /** Declares the fields of a dataset, replacing earlier ones. */
    public Builder dataset(DatasetType type, List<Field> metadata) {
      for (Field f : metadata) {
        Objects.requireNonNull(f, type.apiName() + " field");
      }
      fields.put(Objects.requireNonNull(type, "type"), List.copyOf(metadata));
      return this;
    }

    /** Adds a bulk import of a declared dataset; imports run in declaration order. */
    public Builder bulkImport(DatasetType type, ImportSource source) {
      imports.computeIfAbsent(Objects.requireNonNull(type, "type"), t -> new ArrayList<>())
          .add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Adds a solution. */
    public Builder solution(SolutionSpec solution) {
      return put("solution", solutions, solution.name(), solution);
    }

    /** Adds a campaign serving a declared solution. */
    public Builder campaign(CampaignSpec campaign) {
      return put("campaign", campaigns, campaign.name(), campaign);
    }

    /** Adds a domain recommender. */
    public Builder recommender(RecommenderSpec recommender) {
      return put("recommender", recommenders, recommender.name(), recommender);
    }

    /** Declares the dataset group's event tracker (at most one per group). */
    public Builder eventTracker(String name) {
      this.eventTrackerName = Optional.of(Names.validate("event tracker name", name));
      return this;
    }

    /** Adds a named filter. */
    public Builder filter(String name, String expression) {
      return filter(new FilterSpec(name, expression));
    }

    /** Adds a named filter. */
    public Builder filter(FilterSpec filter) {
      return put("filter", filters, filter.name(), filter);
    }

    private <T> Builder put(String kind, Map<String, T> map, String name, T value) {
      if (map.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException(kind + " name " + name + " must be unique but is declared twice");
      }
      return this;
    }

    /**
     * Returns the validated declaration.
     *
     * @throws IllegalArgumentException naming the first broken rule: schema rules, undeclared
     *     datasets or solutions, recipe and domain mismatches, quotas
     */
    public PipelineSpec build() {
      Map<DatasetType, String> schemas = new EnumMap<>(DatasetType.class);
      for (DatasetType type : DatasetType.values()) {
        if (fields.containsKey(type)) {
          schemas.put(type, AvroSchemas.generate(domain, type, fields.get(type)));
        }
      }
      imports.keySet().forEach(t -> {
        if (!schemas.containsKey(t)) {
          throw new IllegalArgumentException(
              "bulk import into " + t.apiName() + " needs the " + t.apiName() + " dataset to be declared");
        }
      });
      limit("solutions", solutions.size(), MAX_SOLUTIONS);
      limit("campaigns", campaigns.size(), MAX_CAMPAIGNS);
      limit("recommenders", recommenders.size(), MAX_RECOMMENDERS);
      limit("filters", filters.size(), MAX_FILTERS);
      for (SolutionSpec s : solutions.values()) {
        if (s.recipe() == Recipe.NEXT_BEST_ACTION) {
          throw new IllegalArgumentException("solution " + s.name()
              + " must not use NEXT_BEST_ACTION: it needs Actions datasets, which PipelineSpec does not declare");
        }
      }
      for (CampaignSpec c : campaigns.values()) {
        SolutionSpec s = solutions.get(c.solutionName());
        if (s == null) {
          throw new IllegalArgumentException("campaign " + c.name() + " serves solution " + c.solutionName()
              + " which is not declared (declared: " + solutions.keySet() + ")");
        }
        if (!s.recipe().supportsCampaigns()) {
          throw new IllegalArgumentException("campaign " + c.name() + " cannot serve solution " + s.name()
              + ": recipe " + s.recipe() + " is for batch segment jobs only");
        }
        if (c.exploration().isPresent() && !s.recipe().supportsExploration()) {
          throw new IllegalArgumentException("campaign " + c.name() + " must not set item exploration: recipe "
              + s.recipe() + " of solution " + s.name() + " does not explore (only USER_PERSONALIZATION does)");
        }
      }
      for (RecommenderSpec r : recommenders.values()) {
        if (r.useCase().domain() != domain) {
          throw new IllegalArgumentException("recommender " + r.name() + " uses " + r.useCase()
              + " of domain " + r.useCase().domain() + " but the dataset group's domain is " + domain);
        }
      }
      for (FilterSpec f : filters.values()) {
        checkFilterFields(f);
      }
      return new PipelineSpec(this, schemas);
    }

    private void checkFilterFields(FilterSpec f) {
      Matcher m = FILTER_FIELD.matcher(f.expression());
      Set<String> fieldsUsed = new HashSet<>();
      while (m.find()) {
        String dataset = m.group(1);
        String field = m.group(2);
        fieldsUsed.add(field);
        DatasetType type = switch (dataset) {
          case "Interactions" -> DatasetType.INTERACTIONS;
          case "Items", "CurrentItem" -> DatasetType.ITEMS;
          default -> DatasetType.USERS;
        };
        if (type == DatasetType.INTERACTIONS) {
          if (!field.equals("EVENT_TYPE")) {
            throw new IllegalArgumentException("filter " + f.name() + " uses Interactions." + field
                + " but only Interactions.EVENT_TYPE can be filtered");
          }
          continue;
        }
        if (!fields.containsKey(type)) {
          throw new IllegalArgumentException("filter " + f.name() + " uses " + dataset + "." + field
              + " but the " + type.apiName() + " dataset is not declared");
        }
        Optional<Field> declared = AvroSchemas.schemaFields(domain, type, fields.get(type)).stream()
            .filter(d -> d.name().equals(field)).findFirst();
        if (declared.isEmpty()) {
          throw new IllegalArgumentException("filter " + f.name() + " uses " + dataset + "." + field
              + " which the " + type.apiName() + " schema does not declare");
        }
        if (declared.get().type() == FieldType.TEXTUAL) {
          throw new IllegalArgumentException("filter " + f.name() + " uses textual field " + dataset + "."
              + field + " but textual fields cannot be filtered");
        }
      }
      if (fieldsUsed.size() > 10) {
        throw new IllegalArgumentException(
            "filter " + f.name() + " must use at most 10 distinct fields but used " + fieldsUsed.size());
      }
    }

    private static void limit(String what, int count, int max) {
      if (count > max) {
        throw new IllegalArgumentException(
            "a dataset group must have at most " + max + " " + what + " but " + count + " are declared");
      }
    }
  }

}
