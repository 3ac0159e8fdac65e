package dev.personalize4j.benchmarks;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.CatalogSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Figure 4: a bulk export of 1,000,000 items through the adapter's {@code CatalogSync.bulkLoadItems}
 * (its commons-csv writer to a staging file, then a dataset import job on the emulator) against
 * writing the same bytes from the same items with a plain {@link BufferedWriter}. The fork runs
 * with {@code -Xmx64m}: the items are streamed, so finishing at all shows memory stays bounded.
 * The application's uploader is replaced by one that points the import job at a one-row file
 * (uploading is the application's cost, not the adapter's).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
@Warmup(iterations = 1, time = 4)
@Measurement(iterations = 3, time = 4)
public class CsvExportBenchmark {
  static final int ITEMS = 1_000_000;
  private static final String[] CATEGORIES =
      IntStream.range(0, 20).mapToObj(c -> "category-" + c).toArray(String[]::new);

  private EmulatorFixture fixture;
  private SdkHttpClient http;
  private AwsPersonalize adapter;
  private Path staging;
  private volatile Path keepCopy;
  private long lastAdapterBytes;

  /** The items both sides export: built lazily, one at a time. */
  static Stream<Item> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> Item.builder(ItemId.of("item-" + i))
        .price((i % 10_000) / 4.0 + 0.99)
        .categoryL1(CATEGORIES[i % CATEGORIES.length])
        .build());
  }

  /** Starts the emulator, builds the adapter and checks both sides write identical bytes. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fixture = EmulatorFixture.start();
    http = ApacheHttpClient.builder().build();
    staging = Files.createTempDirectory("personalize4j-bench-staging-");
    adapter = fixture.adapter(http)
        .catalogSync(CatalogSettings.builder()
            .stagingDirectory(staging)
            .itemFields(List.of(Item.PRICE, Item.CATEGORY_L1))
            .importRoleArn("arn:aws:iam::000000000000:role/import")
            .importPolling(Duration.ofMillis(1), Duration.ofMillis(1))
            .bulkUploader(this::upload)
            .build())
        .build();
    Path copy = staging.resolve("check-adapter.csv");
    keepCopy = copy;
    adapter.catalog().bulkLoadItems(items(10_000));
    keepCopy = null;
    Path plain = writePlain(items(10_000));
    try {
      if (!Arrays.equals(Files.readAllBytes(copy), Files.readAllBytes(plain))) {
        throw new IllegalStateException("the baseline does not write the adapter's bytes: compare " + copy + " and " + plain);
      }
    } finally {
      Files.delete(copy);
      Files.delete(plain);
    }
  }

  private URI upload(Path csv, String datasetArn) throws IOException {
    lastAdapterBytes = Files.size(csv);
    Path copy = keepCopy;
    if (copy != null) {
      Files.copy(csv, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return URI.create(fixture.smallItemsLocation());
  }

  /** Prints the heap's peak use in this fork, the evidence that memory stayed bounded; closes everything. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    long peak = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%n[CsvExportBenchmark] heap peak (sum of per-pool peaks, an upper bound) %.1f MiB of max %.1f MiB%n", peak / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
    adapter.close();
    http.close();
    fixture.close();
    Files.deleteIfExists(staging);
  }

  /** 1,000,000 items through the adapter's bulk path. */
  @Benchmark
  public long adapterBulkCsv() {
    long n = adapter.catalog().bulkLoadItems(items(ITEMS));
    if (n != ITEMS || lastAdapterBytes == 0) {
      throw new IllegalStateException("bulk load wrote " + n + " items, " + lastAdapterBytes + " bytes");
    }
    return lastAdapterBytes;
  }

  /** The same bytes with a BufferedWriter. */
  @Benchmark
  public long plainBufferedWriter() throws IOException {
    Path file = writePlain(items(ITEMS));
    long size = Files.size(file);
    Files.delete(file);
    return size;
  }

  private Path writePlain(Stream<Item> items) throws IOException {
    Path file = Files.createTempFile(staging, "plain-", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("ITEM_ID,PRICE,CATEGORY_L1\n");
      items.forEach(item -> {
        try {
          w.write(item.id().value());
          w.write(',');
          w.write(item.attribute(Item.PRICE).map(AttributeValue::render).orElse(""));
          w.write(',');
          w.write(item.attribute(Item.CATEGORY_L1).map(AttributeValue::render).orElse(""));
          w.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return file;
  }
}
