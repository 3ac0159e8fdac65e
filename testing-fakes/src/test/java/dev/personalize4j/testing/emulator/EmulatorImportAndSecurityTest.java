package dev.personalize4j.testing.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DataSource;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/** CSV import jobs (FULL and INCREMENTAL, 100,000 rows, bad files), actions, and the loopback-only rule. */
class EmulatorImportAndSecurityTest {
  @TempDir Path data;
  PersonalizeEmulator emulator;
  PersonalizeClient control;
  PersonalizeRuntimeClient runtime;
  Fixture shop;

  @BeforeEach
  void setUp() {
    emulator = PersonalizeEmulator.builder().dataDirectory(data).relaxTrainingMinimums(true).start();
    control = Sdk.control(emulator);
    runtime = Sdk.runtime(emulator);
    shop = Fixture.ecommerce(control, "imports");
  }

  @AfterEach
  void tearDown() {
    control.close();
    runtime.close();
    emulator.close();
  }

  private software.amazon.awssdk.services.personalize.model.DatasetImportJob importJob(String name, String dataset,
      String location, ImportMode mode) {
    String arn = control.createDatasetImportJob(b -> b.jobName(name).datasetArn(dataset).importMode(mode)
        .dataSource(DataSource.builder().dataLocation(location).build())).datasetImportJobArn();
    return control.describeDatasetImportJob(b -> b.datasetImportJobArn(arn)).datasetImportJob();
  }

  private List<String> popular(String campaign, int n) {
    return runtime.getRecommendations(b -> b.campaignArn(campaign).numResults(n)).itemList().stream()
        .map(PredictedItem::itemId).toList();
  }

  @Test
  void hundredThousandItemRowsImport() throws IOException {
    Path file = Files.createDirectories(data.resolve("big")).resolve("items.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("ITEM_ID,PRICE,CATEGORY_L1,CATEGORY_L2,PRODUCT_DESCRIPTION\n");
      for (int i = 0; i < 100_000; i++) {
        w.write("item-" + i + "," + (i % 500) + ".25,cat-" + (i % 20) + "|all,," + "\"A product, number " + i + "\"\n");
      }
    }
    var job = importJob("big", shop.items, "s3://big/items.csv", ImportMode.FULL);
    assertThat(job.failureReason()).isNull();
    assertThat(job.status()).isEqualTo("ACTIVE");
    String campaign = shop.campaign("big-up", "aws-user-personalization", true, null);
    var item = runtime.getRecommendations(b -> b.campaignArn(campaign).userId("anyone").numResults(50)
        .metadataColumns(Map.of("ITEMS", List.of("CATEGORY_L1", "PRODUCT_DESCRIPTION")))).itemList().get(0);
    assertThat(item.metadata().get("CATEGORY_L1")).matches("cat-\\d+\\|all");
    assertThat(item.metadata().get("PRODUCT_DESCRIPTION")).startsWith("A product, number ");
  }

  @Test
  void fullReplacesBulkDataAndIncrementalAddsToIt() throws IOException {
    Path bucket = Files.createDirectories(data.resolve("b"));
    Files.writeString(bucket.resolve("first.csv"), "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n"
        + "u1,a,1733318401,View\nu2,a,1733318402,View\nu3,a,1733318403,View\nu1,b,1733318404,View\n");
    Files.writeString(bucket.resolve("second.csv"), "EVENT_TYPE,TIMESTAMP,ITEM_ID,USER_ID\n"
        + "View,1733318405,c,u1\nView,1733318406,c,u2\n");
    Files.writeString(bucket.resolve("third.csv"), "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n"
        + "u1,d,1733318407,View\nu2,d,1733318408,View\nu3,d,1733318409,View\nu4,d,1733318410,View\n");
    String campaign = shop.campaign("pop", "aws-popularity-count", false, null);
    assertThat(importJob("first", shop.interactions, "s3://b/first.csv", ImportMode.FULL).status()).isEqualTo("ACTIVE");
    assertThat(popular(campaign, 2)).containsExactly("a", "b");
    assertThat(importJob("second", shop.interactions, "s3://b/second.csv", ImportMode.INCREMENTAL).status())
        .isEqualTo("ACTIVE");
    assertThat(popular(campaign, 3)).containsExactly("a", "c", "b");
    try (PersonalizeEventsClient events = Sdk.events(emulator)) {
      events.putEvents(b -> b.trackingId(shop.trackingId).sessionId("s").userId("u9").eventList(
          Event.builder().eventType("View").itemId("e").sentAt(Instant.ofEpochSecond(1_733_318_411L)).build()));
    }
    assertThat(importJob("third", shop.interactions, "s3://b/third.csv", ImportMode.FULL).status()).isEqualTo("ACTIVE");
    assertThat(popular(campaign, 10)).containsExactly("d", "e");
  }

  @Test
  void badFilesFailTheJobWithAReason() throws IOException {
    Path bucket = Files.createDirectories(data.resolve("bad"));
    Files.writeString(bucket.resolve("extra-column.csv"), "ITEM_ID,PRICE,CATEGORY_L1,COLOUR\ni1,1,a,red\n");
    Files.writeString(bucket.resolve("missing-column.csv"), "ITEM_ID,CATEGORY_L1\ni1,a\n");
    Files.writeString(bucket.resolve("bad-number.csv"), "ITEM_ID,PRICE,CATEGORY_L1\ni1,cheap,a\n");
    assertThat(importJob("j1", shop.items, "s3://bad/extra-column.csv", ImportMode.FULL).failureReason()).contains("COLOUR");
    assertThat(importJob("j2", shop.items, "s3://bad/missing-column.csv", ImportMode.FULL).failureReason()).contains("PRICE");
    var j3 = importJob("j3", shop.items, "s3://bad/bad-number.csv", ImportMode.FULL);
    assertThat(j3.status()).isEqualTo("CREATE FAILED");
    assertThat(j3.failureReason()).contains("line").contains("cheap");
    assertThat(importJob("j4", shop.items, "s3://bad/../../etc/passwd", ImportMode.FULL).failureReason())
        .contains("outside");
    assertThat(importJob("j5", shop.items, "s3://nothing/here/", ImportMode.FULL).failureReason()).contains("not found");
  }

  @Test
  void nonLoopbackBindIsRefusedUnlessAllowed() throws Exception {
    InetAddress any = InetAddress.getByName("0.0.0.0");
    assertThatThrownBy(() -> PersonalizeEmulator.builder().bindAddress(any, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    assertThatThrownBy(() -> PersonalizeEmulator.parse(new String[] {"--port", "x"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
    assertThatThrownBy(() -> PersonalizeEmulator.parse(new String[] {"--nope"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--nope");
    assertThatThrownBy(() -> PersonalizeEmulator.parse(new String[] {"--data", data.resolve("missing").toString()}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--data");
    assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
  }
}
