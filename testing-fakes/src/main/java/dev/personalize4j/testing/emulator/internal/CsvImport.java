package dev.personalize4j.testing.emulator.internal;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a dataset import job's CSV data ({@code s3://BUCKET/KEY} from {@code DIR/BUCKET/KEY}, or every
 * file under a {@code s3://BUCKET/PREFIX/} folder) into records typed by the dataset's schema.
 */
final class CsvImport {
  /** An import failure; its message becomes the job's failureReason. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private CsvImport() {}

  /** The files behind an S3 location, in name order. */
  static List<Path> files(Optional<Path> dataDirectory, String location) {
    if (dataDirectory.isEmpty()) {
      throw new Failure("Input data not found at " + location + ": the emulator has no data directory (start it with --data DIR)");
    }
    if (!location.startsWith("s3://") || location.length() <= 5) {
      throw new Failure("dataLocation must be an s3://BUCKET/KEY location but was " + location);
    }
    Path root = dataDirectory.get().toAbsolutePath().normalize();
    Path target = root.resolve(location.substring(5)).normalize();
    if (!target.startsWith(root)) {
      throw new Failure("dataLocation " + location + " points outside the data directory");
    }
    if (location.endsWith("/")) {
      if (!Files.isDirectory(target)) {
        throw new Failure("Input data not found: no folder " + location);
      }
      try (Stream<Path> s = Files.list(target)) {
        List<Path> files = s.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted().toList();
        if (files.isEmpty()) {
          throw new Failure("Input data not found: folder " + location + " has no files");
        }
        return files;
      } catch (IOException e) {
        throw new Failure("Cannot read " + location + ": " + e.getMessage());
      }
    }
    if (!Files.isRegularFile(target)) {
      throw new Failure("Input data not found: no file at " + location);
    }
    return List.of(target);
  }

  /** Reads every row of {@code files} as records of {@code datasetType}. */
  static List<Object> read(List<Path> files, String datasetType, Schema schema) {
    List<Object> out = new ArrayList<>();
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(reader)) {
        List<String> header = parser.getHeaderNames();
        Map<String, Schema.Field> columns = columns(file, header, schema);
        for (CSVRecord row : parser) {
          if (row.size() != header.size()) {
            throw new Failure(file.getFileName() + " line " + parser.getCurrentLineNumber() + ": expected "
                + header.size() + " columns but found " + row.size());
          }
          try {
            out.add(record(datasetType, header, columns, row));
          } catch (Failure | IllegalArgumentException | ApiException e) {
            throw new Failure(file.getFileName() + " line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new Failure("Cannot read CSV " + file.getFileName() + ": " + e.getMessage());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new Failure("Malformed CSV " + file.getFileName() + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static Map<String, Schema.Field> columns(Path file, List<String> header, Schema schema) {
    Map<String, Schema.Field> columns = new HashMap<>();
    for (String h : header) {
      Schema.Field f = schema.field(h).orElseThrow(() -> new Failure(
          file.getFileName() + ": header column " + h + " is not a field of the schema "
              + schema.fields.stream().map(Schema.Field::name).toList()));
      columns.put(h, f);
    }
    for (Schema.Field f : schema.fields) {
      if (!f.nullable() && header.stream().noneMatch(h -> h.equalsIgnoreCase(f.name()))) {
        throw new Failure(file.getFileName() + ": header lacks the required schema field " + f.name());
      }
    }
    return columns;
  }

  private static Object record(String type, List<String> header, Map<String, Schema.Field> columns, CSVRecord row) {
    Map<String, String> reserved = new HashMap<>();
    Map<String, AttributeValue> attributes = new java.util.LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      Schema.Field f = columns.get(header.get(c));
      String cell = row.get(c);
      String upper = f.name().toUpperCase(Locale.ROOT);
      if (Properties.RESERVED.contains(upper)) {
        if (!cell.isEmpty()) {
          reserved.put(upper, cell);
        }
        continue;
      }
      if (cell.isEmpty()) {
        if (!f.nullable()) {
          throw new Failure("required field " + f.name() + " is empty");
        }
        continue;
      }
      attributes.put(f.name(), Properties.value(f.name(), cell, null, Optional.of(f)));
    }
    switch (type) {
      case DatasetType.ITEMS, DatasetType.ACTIONS -> {
        String idField = type.equals(DatasetType.ITEMS) ? "ITEM_ID" : "ACTION_ID";
        Item.Builder b = Item.builder(ItemId.of(need(reserved, idField)));
        attributes.forEach(b::attribute);
        return b.build();
      }
      case DatasetType.USERS -> {
        User.Builder b = User.builder(UserId.of(need(reserved, "USER_ID")));
        attributes.forEach(b::attribute);
        return b.build();
      }
      default -> {
        String user = need(reserved, "USER_ID");
        String item = need(reserved, type.equals(DatasetType.INTERACTIONS) ? "ITEM_ID" : "ACTION_ID");
        Interaction.Builder b = Interaction.builder()
            .userId(UserId.of(user))
            .sessionId(SessionId.of(user))
            .itemId(ItemId.of(item))
            .eventType(EventType.of(reserved.getOrDefault("EVENT_TYPE", "Interaction")))
            .timestamp(epochSeconds(need(reserved, "TIMESTAMP")))
            .properties(attributes);
        Optional.ofNullable(reserved.get("EVENT_VALUE")).ifPresent(v -> b.eventValue(number("EVENT_VALUE", v)));
        Optional.ofNullable(reserved.get("RECOMMENDATION_ID")).ifPresent(b::recommendationId);
        Optional.ofNullable(reserved.get("IMPRESSION")).ifPresent(v -> {
          for (String i : v.split("\\|")) {
            if (!i.isEmpty()) {
              b.addImpressions(ItemId.of(i));
            }
          }
        });
        return b.build();
      }
    }
  }

  private static String need(Map<String, String> reserved, String field) {
    String v = reserved.get(field);
    if (v == null) {
      throw new Failure("required field " + field + " is missing or empty");
    }
    return v;
  }

  private static double number(String field, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new Failure(field + " must be a number but was '" + v + "'");
    }
  }

  private static Instant epochSeconds(String v) {
    double seconds = number("TIMESTAMP", v);
    if (seconds > 1e11) {
      throw new Failure("TIMESTAMP must be epoch seconds but " + v + " looks like milliseconds");
    }
    long whole = (long) Math.floor(seconds);
    return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
  }
}
