package dev.personalize4j.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalize;
import dev.personalize4j.aws.EventSinkSettings;
import dev.personalize4j.aws.ResilienceSettings;
import dev.personalize4j.testing.FakeTicker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the adapter through successes and failures with distinctive secrets everywhere (fake AWS
 * keys, user attribute values, event property values) and searches everything logged at INFO and
 * above (slf4j-simple's default level, written to System.err, captured here) for them.
 */
class LogRedactionTest {
  static final String PROPERTY_SECRET = "propsecret-device-Zq81";
  static final String OTHER_PROPERTY_SECRET = "propsecret-unknownfield-Lk22";
  static final String ATTRIBUTE_SECRET = "attrsecret-gold-Xw93";
  static final double AGE_SECRET = 7_351_937;
  static final String ITEM_ATTRIBUTE_SECRET = "attrsecret-category-Pt47";
  static final List<String> SECRETS = List.of(EmulatorCampaign.ACCESS_KEY, EmulatorCampaign.SECRET_KEY,
      PROPERTY_SECRET, OTHER_PROPERTY_SECRET, ATTRIBUTE_SECRET, "7351937", ITEM_ATTRIBUTE_SECRET);

  @TempDir static Path data;
  static EmulatorCampaign campaign;
  private PrintStream originalErr;
  private ByteArrayOutputStream captured;

  @BeforeAll
  static void provision() {
    campaign = EmulatorCampaign.start(data);
  }

  @AfterAll
  static void stop() {
    campaign.close();
  }

  @BeforeEach
  void capture() {
    campaign.emulator.faults().clear();
    originalErr = System.err;
    captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    campaign.emulator.faults().clear();
  }

  private String log() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static AwsPersonalize adapter(FakeTicker ticker, EventSinkSettings events) {
    return AwsPersonalize.builder()
        .region(campaign.emulator.region())
        .credentialsProvider(EmulatorCampaign.CREDENTIALS)
        .endpointOverride(campaign.endpoint())
        .forUserArn(campaign.campaignArn)
        .trackingId(campaign.trackingId)
        .itemsDatasetArn(campaign.itemsDatasetArn)
        .usersDatasetArn(campaign.usersDatasetArn)
        .ticker(ticker)
        .sleeper(ticker::advance)
        .resilience(ResilienceSettings.builder().deadline(Duration.ofSeconds(2)).maxAttempts(2).build())
        .events(events)
        .build();
  }

  private static Interaction event(int n, String device) {
    return Interaction.builder()
        .userId(UserId.of(EmulatorCampaign.user(n % EmulatorCampaign.USERS)))
        .itemId(ItemId.of(EmulatorCampaign.item(n % EmulatorCampaign.ITEMS)))
        .eventType(EventType.PURCHASE)
        .eventValue(12.5)
        .putProperties("DEVICE", AttributeValue.categorical(device))
        .build();
  }

  private static User user(int n) {
    return User.builder(UserId.of(EmulatorCampaign.user(n)))
        .categorical("MEMBERSHIP", ATTRIBUTE_SECRET)
        .numeric("AGE", AGE_SECRET)
        .build();
  }

  @Test
  void aFullRunWithFailuresLogsNoSecretsAtInfoOrAbove() {
    FakeTicker ticker = FakeTicker.create();
    EventSinkSettings events = EventSinkSettings.builder()
        .linger(Duration.ofMillis(1))
        .maxAttempts(2)
        .backoff(Duration.ofMillis(1), Duration.ofMillis(2))
        .build();
    try (AwsPersonalize p = adapter(ticker, events)) {
      // Successes.
      for (int u = 0; u < 5; u++) {
        p.recommender().forUser(UserId.of(EmulatorCampaign.user(u)));
        p.eventSink().record(event(u, PROPERTY_SECRET));
      }
      p.catalog().upsertUsers(List.of(user(1), user(2)));
      p.catalog().upsertItem(Item.builder(ItemId.of("item-1")).price(19.99).categoryL1(ITEM_ATTRIBUTE_SECRET).build());
      p.eventSink().flush();

      // Rejections: a property the schema does not have, a user attribute it does not have.
      p.eventSink().record(Interaction.builder()
          .userId(UserId.of("user-1")).itemId(ItemId.of("item-2")).eventType(EventType.VIEW)
          .putProperties("UNKNOWN_FIELD", AttributeValue.categorical(OTHER_PROPERTY_SECRET))
          .build());
      p.eventSink().flush();
      catchThrowable(() -> p.catalog().upsertUser(User.builder(UserId.of("user-3"))
          .categorical("NOT_IN_SCHEMA", ATTRIBUTE_SECRET).build()));

      // Failures: everything down; recommendations fall back, events are dead-lettered, upserts fail.
      campaign.emulator.faults().outage("*");
      for (int u = 0; u < 12; u++) {
        p.recommender().forUser(UserId.of(EmulatorCampaign.user(u + 10)));
      }
      for (int n = 0; n < 5; n++) {
        p.eventSink().record(event(n + 100, PROPERTY_SECRET));
      }
      p.eventSink().flush();
      catchThrowable(() -> p.catalog().upsertUsers(List.of(user(4))));
      assertThat(p.stats().eventsDeadLettered()).as("the run did fail").isPositive();
    }
    String log = log();
    assertThat(log).as("the capture works: the dead-letter WARN is in it").contains("dead-lettered");
    for (String secret : SECRETS) {
      assertThat(log).as("logged at INFO or above").doesNotContain(secret);
    }
  }

  @Test
  void aCorruptSpoolLineIsNotEchoedIntoTheLog(@TempDir Path spool) throws Exception {
    Files.writeString(spool.resolve("events.log"),
        "E1\tev-1\t1733318401.000000000\tuser-1\tuser-1\titem-1\tView\t\t\t\tDEVICE=n:" + PROPERTY_SECRET + "\n"
            + "E1\tev-2\t" + PROPERTY_SECRET + "\tuser-1\tuser-1\titem-1\tView\t\t\t\t\n"
            + "garbage " + PROPERTY_SECRET + "\n");
    FakeTicker ticker = FakeTicker.create();
    try (AwsPersonalize p = adapter(ticker, EventSinkSettings.builder().durableSpool(spool).build())) {
      p.eventSink().flush();
    }
    String log = log();
    assertThat(log).as("the capture works: the spool reported its unreadable lines").contains("unreadable");
    assertThat(log).doesNotContain(PROPERTY_SECRET);
  }
}
