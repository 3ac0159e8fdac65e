package dev.personalize4j.aws.internal;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.CatalogSync;
import dev.personalize4j.Item;
import dev.personalize4j.Limits;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.ServiceUnavailableException;
import dev.personalize4j.Ticker;
import dev.personalize4j.User;
import dev.personalize4j.aws.CatalogSettings;
import dev.personalize4j.aws.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;

/**
 * {@link CatalogSync} over PutItems/PutUsers (batches of 10, paced per dataset group, size limits
 * checked first) and, for bulk loads, a streamed CSV file imported by a dataset import job.
 */
public final class AwsCatalogSync implements CatalogSync {
  private static final Logger LOG = LoggerFactory.getLogger(AwsCatalogSync.class);
  static final int MAX_ITEM_PROPERTIES = 32_000;
  static final int MAX_USER_PROPERTIES = 24_000;
  private static final Duration MIN_PUT_DEADLINE = Duration.ofSeconds(30);

  private record Record(String id, String properties) {}

  private final PersonalizeEventsClient events;
  private final PersonalizeClient control;
  private final String itemsDatasetArn;
  private final String usersDatasetArn;
  private final CatalogSettings settings;
  private final Resilience resilience;
  private final Duration putDeadline;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Counters counters;
  private final ConcurrentHashMap<String, Pacer> pacers = new ConcurrentHashMap<>();

  public AwsCatalogSync(PersonalizeEventsClient events, PersonalizeClient control, String itemsDatasetArn,
      String usersDatasetArn, CatalogSettings settings, Resilience resilience, Duration deadline, Ticker ticker,
      Sleeper sleeper, Clock clock, Counters counters) {
    this.events = events;
    this.control = control;
    this.itemsDatasetArn = itemsDatasetArn;
    this.usersDatasetArn = usersDatasetArn;
    this.settings = settings;
    this.resilience = resilience;
    this.putDeadline = deadline.compareTo(MIN_PUT_DEADLINE) > 0 ? deadline : MIN_PUT_DEADLINE;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.clock = clock;
    this.counters = counters;
  }

  @Override
  public void upsertItems(Collection<Item> items) {
    Objects.requireNonNull(items, "items");
    String arn = require(itemsDatasetArn, "itemsDatasetArn");
    List<Record> records = new ArrayList<>(items.size());
    for (Item item : items) {
      records.add(new Record(item.id().value(), properties("item " + item.id(), item.attributes(), MAX_ITEM_PROPERTIES)));
    }
    put(arn, "PutItems", records, (batch, attempt) -> {
      events.putItems(r -> r.overrideConfiguration(attempt::configure).datasetArn(arn).items(batch.stream().map(rec -> {
        software.amazon.awssdk.services.personalizeevents.model.Item.Builder b =
            software.amazon.awssdk.services.personalizeevents.model.Item.builder().itemId(rec.id());
        if (rec.properties() != null) {
          b.properties(rec.properties());
        }
        return b.build();
      }).toList()));
      counters.itemsUpserted.add(batch.size());
    });
  }

  @Override
  public void upsertUsers(Collection<User> users) {
    Objects.requireNonNull(users, "users");
    String arn = require(usersDatasetArn, "usersDatasetArn");
    List<Record> records = new ArrayList<>(users.size());
    for (User user : users) {
      records.add(new Record(user.id().value(), properties("user " + user.id(), user.attributes(), MAX_USER_PROPERTIES)));
    }
    put(arn, "PutUsers", records, (batch, attempt) -> {
      events.putUsers(r -> r.overrideConfiguration(attempt::configure).datasetArn(arn).users(batch.stream().map(rec -> {
        software.amazon.awssdk.services.personalizeevents.model.User.Builder b =
            software.amazon.awssdk.services.personalizeevents.model.User.builder().userId(rec.id());
        if (rec.properties() != null) {
          b.properties(rec.properties());
        }
        return b.build();
      }).toList()));
      counters.usersUpserted.add(batch.size());
    });
  }

  private static String properties(String what, Map<String, AttributeValue> attributes, int max) {
    if (attributes.isEmpty()) {
      return null;
    }
    String json = AttributeValue.propertiesJson(attributes);
    if (json.length() > max) {
      throw new IllegalArgumentException(what + " properties must serialise to at most " + max
          + " characters but were " + json.length());
    }
    return json;
  }

  private interface BatchCall {
    void send(List<Record> batch, Resilience.AttemptContext attempt);
  }

  private void put(String arn, String operation, List<Record> records, BatchCall call) {
    Pacer pacer = pacers.computeIfAbsent(datasetGroup(arn),
        g -> new Pacer(settings.requestsPerSecond(), ticker, sleeper));
    for (int from = 0; from < records.size(); from += Limits.MAX_RECORDS_PER_CALL) {
      List<Record> batch = records.subList(from, Math.min(records.size(), from + Limits.MAX_RECORDS_PER_CALL));
      try {
        pacer.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PersonalizeException(operation + " interrupted after " + from + " records", true);
      }
      resilience.call(operation, arn, putDeadline, attempt -> {
        call.send(batch, attempt);
        return null;
      });
    }
  }

  static String datasetGroup(String datasetArn) {
    int slash = datasetArn.lastIndexOf('/');
    return slash > 0 ? datasetArn.substring(0, slash) : datasetArn;
  }

  @Override
  public long bulkLoadItems(Stream<Item> items) {
    Objects.requireNonNull(items, "items");
    String arn = require(itemsDatasetArn, "itemsDatasetArn");
    long n = bulkLoad("items", "ITEM_ID", arn, settings.itemFields().orElse(null), items.iterator(),
        i -> i.id().value(), Item::attributes, "itemFields");
    counters.itemsBulkLoaded.add(n);
    return n;
  }

  @Override
  public long bulkLoadUsers(Stream<User> users) {
    Objects.requireNonNull(users, "users");
    String arn = require(usersDatasetArn, "usersDatasetArn");
    long n = bulkLoad("users", "USER_ID", arn, settings.userFields().orElse(null), users.iterator(),
        u -> u.id().value(), User::attributes, "userFields");
    counters.usersBulkLoaded.add(n);
    return n;
  }

  private <T> long bulkLoad(String kind, String idColumn, String datasetArn, List<String> declared,
      Iterator<T> records, Function<T, String> id, Function<T, Map<String, AttributeValue>> attributes,
      String settingName) {
    if (!records.hasNext()) {
      return 0;
    }
    Path file;
    long count = 0;
    try {
      Path dir = settings.stagingDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
      Files.createDirectories(dir);
      file = Files.createTempFile(dir, "personalize4j-" + kind + "-", ".csv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the staging file for a bulk load of " + kind, e);
    }
    try {
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        T first = records.next();
        List<String> fields = declared != null ? declared : List.copyOf(attributes.apply(first).keySet());
        String[] header = new String[fields.size() + 1];
        header[0] = idColumn;
        for (int k = 0; k < fields.size(); k++) {
          header[k + 1] = fields.get(k);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
        try (CSVPrinter csv = new CSVPrinter(w, format)) {
          String[] row = new String[header.length];
          T next = first;
          while (next != null) {
            Map<String, AttributeValue> attrs = attributes.apply(next);
            for (String name : attrs.keySet()) {
              if (!fields.contains(name)) {
                throw new IllegalArgumentException(kind + " record " + id.apply(next) + " has the field " + name
                    + ", which is not among the CSV columns " + fields + " (taken from "
                    + (declared != null ? "CatalogSettings." + settingName : "the first record")
                    + "); declare every field with CatalogSettings.builder()." + settingName + "(...)");
              }
            }
            row[0] = id.apply(next);
            for (int k = 0; k < fields.size(); k++) {
              AttributeValue v = attrs.get(fields.get(k));
              row[k + 1] = v == null ? "" : v.render();
            }
            csv.printRecord((Object[]) row);
            count++;
            next = records.hasNext() ? records.next() : null;
          }
        }
      }
      URI location = settings.bulkUploader().upload(file, datasetArn);
      runImportJob(kind, datasetArn, location);
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("bulk load of " + kind + " failed writing " + file, e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("cannot delete the staged file {}: {}", file, e.toString());
      }
    }
  }

  private void runImportJob(String kind, String datasetArn, URI location) {
    String jobName = ("personalize4j-" + kind + "-" + clock.millis() + "-"
        + UUID.randomUUID().toString().substring(0, 8));
    CreateDatasetImportJobRequest.Builder create = CreateDatasetImportJobRequest.builder()
        .jobName(jobName)
        .datasetArn(datasetArn)
        .dataSource(d -> d.dataLocation(location.toString()))
        .importMode(settings.importMode() == CatalogSettings.ImportMode.FULL ? ImportMode.FULL : ImportMode.INCREMENTAL);
    settings.importRoleArn().ifPresent(create::roleArn);
    CreateDatasetImportJobRequest request = create.build();
    String jobArn = resilience.call("CreateDatasetImportJob", datasetArn, putDeadline,
        attempt -> control.createDatasetImportJob(request.toBuilder()
            .overrideConfiguration(attempt::configure).build()).datasetImportJobArn());
    LOG.info("started dataset import job {} for {}", jobArn, datasetArn);
    long deadline = ticker.read() + settings.importTimeout().toNanos();
    Duration wait = settings.importPollInterval();
    while (true) {
      DatasetImportJob job = resilience.call("DescribeDatasetImportJob", datasetArn, putDeadline,
          attempt -> control.describeDatasetImportJob(r -> r.overrideConfiguration(attempt::configure)
              .datasetImportJobArn(jobArn)).datasetImportJob());
      String status = job.status();
      if ("ACTIVE".equals(status)) {
        LOG.info("dataset import job {} is ACTIVE", jobArn);
        return;
      }
      if (status != null && status.contains("FAILED")) {
        throw new PersonalizeException("dataset import job " + jobArn + " ended " + status + ": "
            + (job.failureReason() == null ? "no failure reason given" : job.failureReason()), false);
      }
      if (ticker.read() + wait.toNanos() > deadline) {
        throw new ServiceUnavailableException("dataset import job " + jobArn + " is still " + status + " after "
            + settings.importTimeout() + " (CatalogSettings importTimeout)");
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PersonalizeException("interrupted while waiting for dataset import job " + jobArn, true);
      }
      Duration doubled = wait.multipliedBy(2);
      wait = doubled.compareTo(settings.importPollMaxInterval()) > 0 ? settings.importPollMaxInterval() : doubled;
    }
  }

  private static String require(String arn, String builderMethod) {
    if (arn == null) {
      throw new IllegalStateException("this call needs a dataset ARN: configure AwsPersonalize.builder()."
          + builderMethod + "(...)");
    }
    return arn;
  }
}
