package dev.personalize4j.aws;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import dev.personalize4j.testing.emulator.ReceivedRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A catalogue dataset group in the emulator (Items and Users datasets with nullable fields of every
 * type), an uploader that copies bulk CSV files into the emulator's data directory, and read-back of
 * stored records: PutItems/PutUsers records from the emulator's inspection, bulk records from the
 * CSV files its import jobs read.
 */
final class CatalogFixture implements BulkUploader {
  static final Set<String> NUMERIC = Set.of("PRICE", "CREATION_TIMESTAMP", "WEIGHT_KG", "AGE", "SCORE");
  static final Set<String> TEXTUAL = Set.of("PRODUCT_DESCRIPTION");
  static final List<String> ITEM_FIELDS = List.of("PRICE", "CATEGORY_L1", "CATEGORY_L2", "CATEGORY_L3",
      "CREATION_TIMESTAMP", "PRODUCT_DESCRIPTION", "WEIGHT_KG", "COLOUR");
  static final List<String> USER_FIELDS = List.of("AGE", "GENDER", "MEMBERSHIP", "INTERESTS", "SCORE");
  private static final ObjectMapper JSON = new ObjectMapper();

  final String itemsDatasetArn;
  final String usersDatasetArn;
  private final PersonalizeEmulator emulator;
  private final Path dataDirectory;
  private final List<Path> uploaded = Collections.synchronizedList(new ArrayList<>());

  CatalogFixture(PersonalizeEmulator emulator, Path dataDirectory, String name) {
    this.emulator = emulator;
    this.dataDirectory = dataDirectory;
    try (PersonalizeClient cp = EmulatorFixture.control(emulator)) {
      String group = cp.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
      EmulatorFixture.await(() -> cp.describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().status());
      String items = cp.createSchema(r -> r.name(name + "-items").schema(schema("Items", "ITEM_ID", ITEM_FIELDS)))
          .schemaArn();
      String users = cp.createSchema(r -> r.name(name + "-users").schema(schema("Users", "USER_ID", USER_FIELDS)))
          .schemaArn();
      itemsDatasetArn = cp.createDataset(r -> r.name(name + "-items").datasetGroupArn(group).datasetType("Items")
          .schemaArn(items)).datasetArn();
      usersDatasetArn = cp.createDataset(r -> r.name(name + "-users").datasetGroupArn(group).datasetType("Users")
          .schemaArn(users)).datasetArn();
      EmulatorFixture.await(() -> cp.describeDataset(r -> r.datasetArn(itemsDatasetArn)).dataset().status());
      EmulatorFixture.await(() -> cp.describeDataset(r -> r.datasetArn(usersDatasetArn)).dataset().status());
    }
  }

  private static String schema(String record, String id, List<String> fields) {
    StringBuilder sb = new StringBuilder("{\"type\":\"record\",\"name\":\"").append(record)
        .append("\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":[{\"name\":\"").append(id)
        .append("\",\"type\":\"string\"}");
    for (String f : fields) {
      sb.append(",{\"name\":\"").append(f).append("\",\"type\":[\"null\",\"")
          .append(NUMERIC.contains(f) ? (f.equals("CREATION_TIMESTAMP") ? "long" : "float") : "string")
          .append("\"]");
      if (TEXTUAL.contains(f)) {
        sb.append(",\"textual\":true");
      } else if (!NUMERIC.contains(f)) {
        sb.append(",\"categorical\":true");
      }
      sb.append('}');
    }
    return sb.append("],\"version\":\"1.0\"}").toString();
  }

  /** Copies the staged CSV to {@code DATA/bulk/<name>} and returns {@code s3://bulk/<name>}. */
  @Override
  public URI upload(Path csv, String datasetArn) throws IOException {
    Path target = dataDirectory.resolve("bulk").resolve(csv.getFileName().toString());
    Files.createDirectories(target.getParent());
    Files.copy(csv, target);
    uploaded.add(target);
    return URI.create("s3://bulk/" + csv.getFileName());
  }

  List<Path> uploaded() {
    return List.copyOf(uploaded);
  }

  Optional<Item> storedItem(ItemId id) {
    return stored(emulator.inspection().receivedItems(), itemsDatasetArn, id.value(), "ITEM_ID", ITEM_FIELDS)
        .map(attrs -> {
          Item.Builder b = Item.builder(id);
          attrs.forEach(b::attribute);
          return b.build();
        });
  }

  Optional<User> storedUser(UserId id) {
    return stored(emulator.inspection().receivedUsers(), usersDatasetArn, id.value(), "USER_ID", USER_FIELDS)
        .map(attrs -> {
          User.Builder b = User.builder(id);
          attrs.forEach(b::attribute);
          return b.build();
        });
  }

  private Optional<Map<String, AttributeValue>> stored(List<ReceivedRecord> received, String datasetArn, String id,
      String idColumn, List<String> fields) {
    for (int k = received.size() - 1; k >= 0; k--) {
      ReceivedRecord r = received.get(k);
      if (r.datasetArn().equals(datasetArn) && r.id().equals(id)) {
        return Optional.of(r.properties().map(p -> fromJson(p, fields)).orElse(Map.of()));
      }
    }
    List<Path> files = uploaded();
    for (int k = files.size() - 1; k >= 0; k--) {
      Optional<Map<String, AttributeValue>> row = fromCsv(files.get(k), idColumn, id);
      if (row.isPresent()) {
        return row;
      }
    }
    return Optional.empty();
  }

  private static Map<String, AttributeValue> fromJson(String properties, List<String> fields) {
    try {
      JsonNode node = JSON.readTree(properties);
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      for (String f : fields) {
        JsonNode v = node.get(AttributeValue.propertyKey(f));
        if (v != null) {
          out.put(f, v.isNumber() ? AttributeValue.numeric(v.asDouble()) : value(f, v.asText()));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AttributeValue value(String field, String text) {
    if (NUMERIC.contains(field)) {
      return AttributeValue.numeric(Double.parseDouble(text));
    }
    if (TEXTUAL.contains(field)) {
      return AttributeValue.textual(text);
    }
    return AttributeValue.categorical(text.split("\\|"));
  }

  private static Optional<Map<String, AttributeValue>> fromCsv(Path file, String idColumn, String id) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      Iterator<CSVRecord> rows = parser.iterator();
      while (rows.hasNext()) {
        CSVRecord row = rows.next();
        if (row.get(idColumn).equals(id)) {
          Map<String, AttributeValue> out = new LinkedHashMap<>();
          for (String column : parser.getHeaderNames()) {
            if (!column.equals(idColumn) && !row.get(column).isEmpty()) {
              out.put(column, value(column, row.get(column)));
            }
          }
          return Optional.of(out);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
