package dev.personalize4j.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.PersonalizeException;
import dev.personalize4j.testing.FakeTicker;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import dev.personalize4j.testing.emulator.ReceivedRecord;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog sync against the emulator: paced upserts of 1,000 items, and a 100,000-item bulk import. */
class AwsCatalogSyncEmulatorTest {
  private static int groups;
  @TempDir
  static Path data;
  @TempDir
  Path staging;
  static PersonalizeEmulator emulator;
  private CatalogFixture fixture;
  private FakeTicker ticker;
  private AwsPersonalize personalize;

  @BeforeAll
  static void start() {
    emulator = PersonalizeEmulator.builder().dataDirectory(data).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void setUp() {
    fixture = new CatalogFixture(emulator, data, "catalog-sync-" + ++groups);
    ticker = FakeTicker.create();
    personalize = build(CatalogSettings.builder());
    emulator.inspection().resetCounters();
  }

  private AwsPersonalize build(CatalogSettings.Builder settings) {
    return EmulatorFixture.adapter(emulator)
        .itemsDatasetArn(fixture.itemsDatasetArn).usersDatasetArn(fixture.usersDatasetArn)
        .ticker(ticker).sleeper(ticker::advance)
        .catalogSync(settings.stagingDirectory(staging).bulkUploader(fixture)
            .importPolling(Duration.ofMillis(1), Duration.ofMillis(10)).build())
        .build();
  }

  @AfterEach
  void close() {
    personalize.close();
  }

  private static Item item(int n) {
    return Item.builder(ItemId.of("item-" + n)).price(n % 500 + 0.25).categoryL1("Category" + n % 13, "All")
        .description("Item \"" + n + "\", with a comma\nand a new line").build();
  }

  @Test
  void upserting1000Items_sendsBatchesOfTen_pacedAtTenPerSecond_andAllAreStored() {
    List<Item> items = IntStream.range(0, 1000).mapToObj(AwsCatalogSyncEmulatorTest::item).toList();
    long start = ticker.read();
    personalize.catalog().upsertItems(items);
    assertThat(emulator.inspection().requestCount("PutItems")).isEqualTo(100);
    // 100 requests at 10/s: the first goes at once, each later one waits for its 100 ms slot
    assertThat(Duration.ofNanos(ticker.read() - start)).isEqualTo(Duration.ofMillis(9_900));
    List<ReceivedRecord> received = emulator.inspection().receivedItems().stream()
        .filter(r -> r.datasetArn().equals(fixture.itemsDatasetArn)).toList();
    assertThat(received).hasSize(1000);
    assertThat(received.stream().map(ReceivedRecord::id).collect(Collectors.toSet())).hasSize(1000);
    for (int n : new int[] {0, 1, 499, 999}) {
      assertThat(fixture.storedItem(ItemId.of("item-" + n))).contains(item(n));
    }
    assertThat(received.get(1).properties()).hasValueSatisfying(p -> assertThat(p)
        .startsWith("{\"price\":1.25,\"categoryL1\":\"Category1|All\",\"productDescription\":\"Item \\\"1\\\""));
    assertThat(personalize.stats().itemsUpserted()).isEqualTo(1000);
  }

  @Test
  void oversizedProperties_failBeforeAnythingIsSent() {
    Item big = Item.builder(ItemId.of("big")).description("x".repeat(20_000))
        .categorical("A1", "y".repeat(1000)).categorical("A2", "y".repeat(1000)).categorical("A3", "y".repeat(1000))
        .categorical("A4", "y".repeat(1000)).categorical("A5", "y".repeat(1000)).categorical("A6", "y".repeat(1000))
        .categorical("A7", "y".repeat(1000)).categorical("A8", "y".repeat(1000)).categorical("A9", "y".repeat(1000))
        .categorical("A10", "y".repeat(1000)).categorical("A11", "y".repeat(1000)).categorical("A12", "y".repeat(1000))
        .build();
    assertThatThrownBy(() -> personalize.catalog().upsertItems(List.of(item(1), big)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item big properties must serialise to at most 32000 characters");
    assertThat(emulator.inspection().requestCount("PutItems")).isZero();
  }

  @Test
  void bulkLoad_streams100000Items_intoOneCsv_andImportsThemWithAnImportJob() throws Exception {
    AtomicLong produced = new AtomicLong();
    Stream<Item> stream = IntStream.range(0, 100_000).mapToObj(n -> {
      produced.incrementAndGet();
      return item(n);
    });
    assertThat(personalize.catalog().bulkLoadItems(stream)).isEqualTo(100_000);
    assertThat(produced).hasValue(100_000);
    assertThat(emulator.inspection().requestCount("CreateDatasetImportJob")).isEqualTo(1);
    Path csv = fixture.uploaded().get(0);
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      assertThat(r.readLine()).isEqualTo("ITEM_ID,PRICE,CATEGORY_L1,PRODUCT_DESCRIPTION");
    }
    assertThat(fixture.storedItem(ItemId.of("item-0"))).contains(item(0));
    assertThat(fixture.storedItem(ItemId.of("item-99999"))).contains(item(99_999));
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).as("staged files are deleted after the load").isEmpty();
    }
    assertThat(personalize.stats().itemsBulkLoaded()).isEqualTo(100_000);
  }

  @Test
  void bulkLoad_rejectsAnItemWithAFieldTheHeaderLacks_andImportsNothing() {
    Stream<Item> items = Stream.of(item(1), Item.builder(ItemId.of("odd")).price(1).categorical("COLOUR", "red").build());
    assertThatThrownBy(() -> personalize.catalog().bulkLoadItems(items))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("items record odd has the field COLOUR")
        .hasMessageContaining("CatalogSettings.builder().itemFields(...)");
    assertThat(emulator.inspection().requestCount("CreateDatasetImportJob")).isZero();
  }

  @Test
  void bulkLoad_withDeclaredFields_acceptsItemsThatLackSomeOfThem() {
    personalize.close();
    personalize = build(CatalogSettings.builder().itemFields(List.of("PRICE", "CATEGORY_L1", "COLOUR")));
    Item plain = Item.builder(ItemId.of("plain")).price(3).build();
    Item coloured = Item.builder(ItemId.of("coloured")).price(4).categorical("COLOUR", "red", "blue").build();
    assertThat(personalize.catalog().bulkLoadItems(Stream.of(plain, coloured))).isEqualTo(2);
    assertThat(fixture.storedItem(plain.id())).contains(plain);
    assertThat(fixture.storedItem(coloured.id())).contains(coloured);
  }

  @Test
  void failedImportJob_throwsWithTheFailureReason() {
    Stream<Item> items = Stream.of(Item.builder(ItemId.of("x")).categorical("NOT_IN_SCHEMA", "v").build());
    assertThatThrownBy(() -> personalize.catalog().bulkLoadItems(items))
        .isInstanceOf(PersonalizeException.class)
        .hasMessageContaining("CREATE FAILED")
        .hasMessageContaining("NOT_IN_SCHEMA");
    assertThat(Set.copyOf(fixture.uploaded())).hasSize(1);
  }
}
