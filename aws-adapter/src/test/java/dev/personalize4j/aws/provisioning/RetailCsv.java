package dev.personalize4j.aws.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes deterministic retail CSV files for a pipeline's bulk imports into an emulator data directory. */
final class RetailCsv {
  static final int USERS = 30;
  static final int ITEMS = 40;
  static final int INTERACTIONS = 600;
  private static final String[] L1 = {"shoes", "shirts", "bags", "hats"};

  private RetailCsv() {}

  static void write(Path dataDirectory, PipelineSpec spec) {
    Random random = new Random(7);
    Path dir = dataDirectory.resolve(RetailPipeline.BUCKET).resolve(spec.datasetGroupName());
    List<String> users = new ArrayList<>();
    users.add(String.join(",", spec.csvHeader(DatasetType.USERS)));
    for (int u = 0; u < USERS; u++) {
      users.add("u" + u + "," + (18 + u) + "," + (u % 2 == 0 ? "F" : "M") + "," + (u % 3 == 0 ? "" : "gold"));
    }
    List<String> items = new ArrayList<>();
    items.add(String.join(",", spec.csvHeader(DatasetType.ITEMS)));
    for (int i = 0; i < ITEMS; i++) {
      items.add("i" + i + "," + (5 + i) + ".5," + L1[i % L1.length] + "," + (i % 5 == 0 ? "" : "line" + (i % 3)));
    }
    List<String> interactions = new ArrayList<>();
    interactions.add(String.join(",", spec.csvHeader(DatasetType.INTERACTIONS)));
    for (int n = 0; n < INTERACTIONS; n++) {
      int user = random.nextInt(USERS);
      int item = (user % L1.length) + L1.length * random.nextInt(ITEMS / L1.length);
      String type = random.nextInt(4) == 0 ? "Purchase" : "View";
      interactions.add("u" + user + ",i" + item + "," + type + "," + (1_764_000_000L + n * 60L));
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve("users.csv"), users);
      Files.write(dir.resolve("items.csv"), items);
      Files.write(dir.resolve("interactions.csv"), interactions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
