package dev.personalize4j.aws;

import dev.personalize4j.CatalogSync;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.FakeTicker;
import dev.personalize4j.testing.contract.CatalogSyncContract;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog-sync contract against {@link AwsPersonalize} over the real SDK: upserts through
 * PutItems/PutUsers (paced on a fake ticker), bulk loads through CSV files and dataset import jobs.
 */
class AwsCatalogSyncContractTest extends CatalogSyncContract {
  private static final AtomicInteger GROUPS = new AtomicInteger();
  @TempDir
  static Path data;
  @TempDir
  Path staging;
  static PersonalizeEmulator emulator;
  private CatalogFixture fixture;
  private AwsPersonalize personalize;

  @BeforeAll
  static void start() {
    emulator = PersonalizeEmulator.builder().dataDirectory(data).start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Override
  protected CatalogSync createCatalog() {
    fixture = new CatalogFixture(emulator, data, "catalog-" + GROUPS.incrementAndGet());
    FakeTicker ticker = FakeTicker.create();
    personalize = EmulatorFixture.adapter(emulator)
        .itemsDatasetArn(fixture.itemsDatasetArn).usersDatasetArn(fixture.usersDatasetArn)
        .ticker(ticker).sleeper(ticker::advance)
        .catalogSync(CatalogSettings.builder().stagingDirectory(staging).bulkUploader(fixture)
            .importPolling(Duration.ofMillis(1), Duration.ofMillis(10)).build())
        .build();
    return personalize.catalog();
  }

  @AfterEach
  void close() {
    personalize.close();
  }

  @Override
  protected Optional<Item> storedItem(ItemId id) {
    return fixture.storedItem(id);
  }

  @Override
  protected Optional<User> storedUser(UserId id) {
    return fixture.storedUser(id);
  }
}
