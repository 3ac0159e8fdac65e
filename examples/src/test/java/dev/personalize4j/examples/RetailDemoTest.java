package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.examples.DemoResult.Shown;
import dev.personalize4j.examples.RetailData.CoPurchase;
import dev.personalize4j.examples.RetailData.Segment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the whole demo once against the embedded emulator, then checks that what it showed follows
 * the known structure of the generated shop data, and that every section is printed with real
 * figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetailDemoTest {
  private final RetailData data = RetailData.generate(RetailData.DEFAULT_SEED);
  private DemoResult result;
  private String output;

  @BeforeAll
  void runDemo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = RetailDemo.run(DemoOptions.embedded(RetailData.DEFAULT_SEED), out);
    }
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void existingCustomer_isRecommendedMostlyTheDepartmentTheyBuyFrom() {
    String mostBought = data.purchasesByCategory(result.customer()).keySet().iterator().next();

    assertThat(result.forCustomer()).hasSize(10);
    assertThat(DemoResult.byCategory(result.forCustomer()).keySet().iterator().next()).isEqualTo(mostBought);
    assertThat(result.forCustomer()).filteredOn(s -> s.category().equals(mostBought)).hasSizeGreaterThanOrEqualTo(6);
    assertThat(result.recentPurchases()).isNotEmpty().allMatch(s -> s.product().isPresent());
  }

  @Test
  void coldStartCustomer_getsWhatTheirDemographicFavours() {
    Segment segment = result.newCustomerSegment().orElseThrow();
    List<String> favoured = RetailData.favouredCategories(segment);

    assertThat(data.customer(result.newCustomer().id())).isEmpty();
    assertThat(result.coldStart()).hasSize(10);
    assertThat(favoured).contains(DemoResult.byCategory(result.coldStart()).keySet().iterator().next());
    assertThat(result.coldStart()).filteredOn(s -> favoured.contains(s.category())).hasSizeGreaterThanOrEqualTo(7);
  }

  @Test
  void liveEvents_shiftTheNewCustomersRecommendationsTowardsWhatTheyJustDid() {
    String touched = result.liveEvents().get(0).category();

    assertThat(result.liveEvents()).extracting(Shown::category).containsOnly(touched);
    long before = result.coldStart().stream().filter(s -> s.category().equals(touched)).count();
    long after = result.afterEvents().stream().filter(s -> s.category().equals(touched)).count();
    assertThat(after).isGreaterThan(before).isGreaterThanOrEqualTo(6);
    assertThat(result.afterEvents()).isNotEqualTo(result.coldStart());
  }

  @Test
  void similarProducts_ofATent_leadWithTheSleepingBagBoughtWithIt() {
    ItemId companion = data.coPurchases().stream()
        .filter(p -> p.anchor().equals(result.similarAnchor().id())).map(CoPurchase::companion)
        .findFirst().orElseThrow();

    assertThat(result.similarAnchor().product().orElseThrow().categoryL2()).isEqualTo("Tents");
    assertThat(result.similar()).extracting(Shown::id).doesNotContain(result.similarAnchor().id());
    assertThat(result.similar().subList(0, 3)).extracting(Shown::id).contains(companion);
  }

  @Test
  void ranking_putsTheCustomersDepartmentFirstWithScoresThatSumToOne() {
    String mostBought = data.purchasesByCategory(result.customer()).keySet().iterator().next();

    assertThat(result.ranked()).hasSize(8);
    assertThat(result.ranked().get(0).category()).isEqualTo(mostBought);
    assertThat(result.ranked().stream().mapToDouble(s -> s.score().orElseThrow()).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(result.ranked().get(0).score().orElseThrow())
        .isGreaterThan(result.ranked().get(7).score().orElseThrow());
  }

  @Test
  void businessRules_excludePurchasesKeepOneDepartmentAndPromoteAnother() {
    Set<ItemId> bought = data.history(result.customer(), RetailData.PURCHASE).stream()
        .map(Interaction::itemId).collect(Collectors.toSet());
    String category = result.onlyCategory().orElseThrow();

    assertThat(result.excludePurchased()).hasSize(10).noneMatch(s -> bought.contains(s.id()));
    assertThat(result.inCategory()).isNotEmpty().allMatch(s -> s.category().equals(category));
    List<Shown> promoted = result.promoted().stream().filter(s -> s.promotion().isPresent()).toList();
    assertThat(promoted).hasSize(3);
    String promotedCategory = promoted.get(0).category();
    assertThat(promoted).allMatch(s -> s.category().equals(promotedCategory));
    assertThat(data.purchasesByCategory(result.customer()).getOrDefault(promotedCategory, 0L)).isZero();
  }

  @Test
  void figures_areTheLibrarysRealCounters() {
    DemoResult.Figures f = result.figures();

    assertThat(f.cacheHits()).isGreaterThanOrEqualTo(2);
    assertThat(f.backendCalls()).containsKeys("GetRecommendations", "GetPersonalizedRanking", "PutEvents", "PutUsers");
    assertThat(f.retries()).as("one per flaky call, more during the outage").isGreaterThanOrEqualTo(3);
    assertThat(f.fallbackServed()).as("the never-seen visitor during the outage").isPositive();
    assertThat(f.eventsRecorded()).isEqualTo(result.liveEvents().size());
    assertThat(f.eventsDelivered()).isEqualTo(f.eventsRecorded());
    assertThat(f.usersUpserted()).isEqualTo(1);
    assertThat(f.emulatorRequests().get("GetRecommendations").longValue())
        .isEqualTo(f.backendCalls().get("GetRecommendations"));
    assertThat(f.emulatorRequests()).containsKeys("CreateDatasetImportJob", "CreateCampaign", "PutEvents");
  }

  @Test
  void output_showsEverySectionWithProductNamesAndRealFigures() {
    assertThat(output)
        .contains("1  AN EXISTING CUSTOMER", "2  A BRAND-NEW CUSTOMER", "3  THE SAME CUSTOMER, RIGHT AFTER",
            "4  SIMILAR PRODUCTS", "5  HOW LIKELY IS", "6  BUSINESS RULES", "7  WHAT THE LIBRARY DID")
        .contains("campaign         " + RetailPipeline.FOR_YOU)
        .contains(result.forCustomer().get(0).name(), result.similar().get(0).name(), result.ranked().get(0).name())
        .contains(Screen.money(result.forCustomer().get(0).product().orElseThrow().price()))
        .contains(Screen.percent(result.ranked().get(0).score().orElseThrow()))
        .contains("hits " + result.figures().cacheHits() + ",")
        .contains("GetRecommendations " + result.figures().backendCalls().get("GetRecommendations"))
        .contains("delivered " + result.figures().eventsDelivered())
        .contains("fallback " + result.figures().fallbackServed())
        .contains("Retries           " + result.figures().retries())
        .contains("<- promoted (", "<- bought together in the data")
        .contains("3 customers asked:", "retries absorbed the failures.")
        .contains("customer seen before -> CACHED;  never seen -> FALLBACK");
    assertThat(output.lines().filter(l -> l.startsWith("|")).map(String::length).distinct().toList())
        .containsExactly(Screen.WIDTH);
  }

  @Test
  void output_namesTheDemographicAndHowManyRecommendationsMatchIt() {
    Segment s = result.newCustomerSegment().orElseThrow();
    long matching = result.coldStart().stream()
        .filter(x -> RetailData.favouredCategories(s).contains(x.category())).count();

    assertThat(output).contains("In the shop data " + s + " favour "
        + String.join(" and ", RetailData.favouredCategories(s)) + ": " + matching + " of these 10");
  }
}
