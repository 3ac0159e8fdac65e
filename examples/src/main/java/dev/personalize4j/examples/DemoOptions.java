package dev.personalize4j.examples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How {@link RetailDemo} runs: against the embedded emulator (the default) or, with {@code --aws},
 * against real Amazon Personalize resources named by their ARNs. Settings come from command-line
 * flags, then a {@code --config} properties file, then {@code P4J_*} environment variables.
 *
 * @param aws whether to use real AWS instead of the embedded emulator
 * @param seed the seed of the generated shop data
 * @param region the AWS region ({@code --aws} only)
 * @param forUserArn campaign or recommender ARN answering "recommended for you"
 * @param similarItemsArn campaign or recommender ARN answering "similar items"
 * @param rankingArn campaign ARN of a personalized-ranking solution
 * @param popularArn campaign or recommender ARN answering "popular items"
 * @param trackingId the event tracker's tracking id
 * @param usersDatasetArn the Users dataset ARN, needed to upsert the cold-start customer
 * @param itemsDatasetArn the Items dataset ARN
 * @param filters filter name to filter ARN ({@code --aws} only)
 * @param customer the existing customer to show; the demo picks one when empty
 */
public record DemoOptions(
    boolean aws,
    long seed,
    Optional<String> region,
    Optional<String> forUserArn,
    Optional<String> similarItemsArn,
    Optional<String> rankingArn,
    Optional<String> popularArn,
    Optional<String> trackingId,
    Optional<String> usersDatasetArn,
    Optional<String> itemsDatasetArn,
    Map<String, String> filters,
    Optional<String> customer) {

  /** The usage text printed for {@code --help} and on bad arguments. */
  public static final String USAGE = String.join("\n",
      "Usage: RetailDemo [--seed N] [--customer u-1]",
      "       RetailDemo --aws --region eu-west-1 --for-user-arn ARN [--similar-items-arn ARN]",
      "                  [--ranking-arn ARN] [--popular-arn ARN] [--tracking-id ID]",
      "                  [--users-dataset-arn ARN] [--items-dataset-arn ARN]",
      "                  [--filter exclude-purchased=ARN] [--filter in-category=ARN] [--customer u-1]",
      "       RetailDemo --aws --config demo.properties      (keys: region, for-user-arn, ..., filter.NAME)",
      "       RetailDemo --write-csv DIR [--seed N]          (writes items.csv, users.csv, interactions.csv)",
      "Without --aws the demo starts an in-process emulator and provisions everything itself.",
      "Every flag can also be set as an environment variable: --for-user-arn -> P4J_FOR_USER_ARN,",
      "--filter -> P4J_FILTERS=name=arn,name=arn, --aws -> P4J_AWS=true.");

  private static final List<String> KEYS = List.of(
      "aws", "seed", "region", "for-user-arn", "similar-items-arn", "ranking-arn", "popular-arn",
      "tracking-id", "users-dataset-arn", "items-dataset-arn", "customer");

  /** Validates cross-field rules: {@code --aws} needs a region and a for-user ARN. */
  public DemoOptions {
    filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    if (aws && region.isEmpty()) {
      throw new IllegalArgumentException("--aws needs a region: pass --region or set P4J_REGION");
    }
    if (aws && forUserArn.isEmpty()) {
      throw new IllegalArgumentException("--aws needs --for-user-arn (or P4J_FOR_USER_ARN)");
    }
  }

  /** The embedded default with the shop of {@code seed}. */
  public static DemoOptions embedded(long seed) {
    return new DemoOptions(false, seed, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
  }

  /**
   * Parses flags, then the {@code --config} file, then environment variables (earlier sources win).
   *
   * @throws IllegalArgumentException naming the bad flag or value
   */
  public static DemoOptions parse(List<String> args, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> filters = new LinkedHashMap<>();
    Optional<Path> config = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--aws")) {
        values.put("aws", "true");
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
      }
      String key = arg.substring(2);
      String value;
      int eq = key.indexOf('=');
      if (eq > 0 && !key.startsWith("filter")) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
        }
        value = args.get(++i);
      }
      if (key.equals("config")) {
        config = Optional.of(Path.of(value));
      } else if (key.equals("filter")) {
        putFilter(filters, value, "--filter");
      } else if (KEYS.contains(key)) {
        values.put(key, value);
      } else {
        throw new IllegalArgumentException("unknown flag " + arg + "\n" + USAGE);
      }
    }
    config.ifPresent(file -> {
      Properties p = load(file);
      for (String name : p.stringPropertyNames().stream().sorted().toList()) {
        if (name.startsWith("filter.")) {
          filters.putIfAbsent(name.substring("filter.".length()), p.getProperty(name).strip());
        } else if (KEYS.contains(name)) {
          values.putIfAbsent(name, p.getProperty(name).strip());
        } else {
          throw new IllegalArgumentException("unknown key '" + name + "' in " + file + "\n" + USAGE);
        }
      }
    });
    for (String key : KEYS) {
      String env = environment.get("P4J_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (env != null && !env.isBlank()) {
        values.putIfAbsent(key, env.strip());
      }
    }
    String envFilters = environment.get("P4J_FILTERS");
    if (envFilters != null && !envFilters.isBlank()) {
      Map<String, String> fromEnv = new LinkedHashMap<>();
      for (String part : envFilters.split(",")) {
        putFilter(fromEnv, part.strip(), "P4J_FILTERS");
      }
      fromEnv.forEach(filters::putIfAbsent);
    }
    long seed;
    try {
      seed = Long.parseLong(values.getOrDefault("seed", Long.toString(RetailData.DEFAULT_SEED)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number but was '" + values.get("seed") + "'");
    }
    return new DemoOptions(
        Boolean.parseBoolean(values.getOrDefault("aws", "false")),
        seed,
        opt(values, "region"), opt(values, "for-user-arn"), opt(values, "similar-items-arn"),
        opt(values, "ranking-arn"), opt(values, "popular-arn"), opt(values, "tracking-id"),
        opt(values, "users-dataset-arn"), opt(values, "items-dataset-arn"),
        filters, opt(values, "customer"));
  }

  private static Optional<String> opt(Map<String, String> values, String key) {
    return Optional.ofNullable(values.get(key));
  }

  private static void putFilter(Map<String, String> filters, String nameEqualsArn, String source) {
    int eq = nameEqualsArn.indexOf('=');
    if (eq <= 0 || eq == nameEqualsArn.length() - 1) {
      throw new IllegalArgumentException(
          source + " must look like name=arn but was '" + nameEqualsArn + "'");
    }
    filters.putIfAbsent(nameEqualsArn.substring(0, eq).strip(), nameEqualsArn.substring(eq + 1).strip());
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --config file " + file, e);
    }
    return p;
  }
}
