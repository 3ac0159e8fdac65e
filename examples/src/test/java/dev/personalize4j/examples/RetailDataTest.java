package dev.personalize4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.UserId;
import dev.personalize4j.examples.RetailData.CoPurchase;
import dev.personalize4j.examples.RetailData.Customer;
import dev.personalize4j.examples.RetailData.Product;
import dev.personalize4j.examples.RetailData.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetailDataTest {
  private RetailData data;

  @BeforeAll
  void generate() {
    data = RetailData.generate(RetailData.DEFAULT_SEED);
  }

  @Nested
  @DisplayName("determinism")
  class Determinism {
    @Test
    void generate_whenSameSeed_writesByteIdenticalCsv(@TempDir Path a, @TempDir Path b) throws IOException {
      RetailData.CsvFiles first = data.writeCsv(a);
      RetailData.CsvFiles second = RetailData.generate(RetailData.DEFAULT_SEED).writeCsv(b);

      assertThat(Files.readAllBytes(first.items())).isEqualTo(Files.readAllBytes(second.items()));
      assertThat(Files.readAllBytes(first.users())).isEqualTo(Files.readAllBytes(second.users()));
      assertThat(Files.readAllBytes(first.interactions())).isEqualTo(Files.readAllBytes(second.interactions()));
    }

    @Test
    void generate_whenOtherSeed_givesOtherData() {
      RetailData other = RetailData.generate(RetailData.DEFAULT_SEED + 1);

      assertThat(other.products().stream().map(Product::name).toList())
          .isNotEqualTo(data.products().stream().map(Product::name).toList());
      assertThat(other.interactions()).isNotEqualTo(data.interactions());
    }
  }

  @Nested
  @DisplayName("shape of the shop")
  class Shape {
    @Test
    void sizes_matchTheDefaultSize() {
      assertThat(data.products()).hasSize(2000);
      assertThat(data.customers()).hasSize(1000);
      assertThat(data.interactions()).hasSizeBetween(20_000, 40_000);
      assertThat(data.products().stream().map(Product::categoryL1).distinct()).hasSize(8);
    }

    @Test
    void productNames_areUniqueAndPricesWithinTheirSubCategoryRange() {
      assertThat(data.products().stream().map(Product::name).distinct().count()).isEqualTo(2000);
      for (Product p : data.products()) {
        int[] range = RetailData.Catalog.PRICES.get(p.categoryL2());
        assertThat(p.price()).isBetween((double) range[0], range[1] + 1.0);
        assertThat(RetailData.subCategories(p.categoryL1())).contains(p.categoryL2());
      }
    }

    @Test
    void interactions_areTimestampedOldestFirstWithinTheNinetyDaysBeforeEnd() {
      List<Interaction> all = data.interactions();
      for (int i = 1; i < all.size(); i++) {
        assertThat(all.get(i).timestamp().orElseThrow()).isAfterOrEqualTo(all.get(i - 1).timestamp().orElseThrow());
      }
      assertThat(all.get(0).timestamp().orElseThrow()).isAfterOrEqualTo(RetailData.END.minus(Duration.ofDays(90)));
      assertThat(all.get(all.size() - 1).timestamp().orElseThrow()).isBefore(RetailData.END);
    }

    @Test
    void interactions_passThePersonalizeTrainingMinimums() {
      // personalize-api.md §D and §C.5: 1000 interactions, 25 users with >= 2, 1000 of each ECOMMERCE event type.
      Map<UserId, Long> perUser = data.interactions().stream()
          .collect(Collectors.groupingBy(i -> i.userId().orElseThrow(), Collectors.counting()));
      long views = data.interactions().stream().filter(i -> i.eventType().equals(RetailData.VIEW)).count();
      long purchases = data.interactions().stream().filter(i -> i.eventType().equals(RetailData.PURCHASE)).count();

      assertThat(perUser.values().stream().filter(n -> n >= 2).count()).isEqualTo(1000);
      assertThat(views).isGreaterThan(1000);
      assertThat(purchases).isGreaterThan(1000);
    }

    @Test
    void size_rejectsTooFewProductsNamingTheLimit() {
      assertThatThrownBy(() -> new RetailData.Size(10, 100))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("products must be between 64 and 100000 but was 10");
    }
  }

  @Nested
  @DisplayName("known structure")
  class Structure {
    @Test
    void everySegment_buysMostFromTheCategoriesItFavours() {
      Map<Segment, Map<String, Long>> bought = new HashMap<>();
      for (Interaction i : data.interactions()) {
        if (i.eventType().equals(RetailData.PURCHASE)) {
          Segment s = data.customer(i.userId().orElseThrow()).orElseThrow().segment();
          String category = data.product(i.itemId()).orElseThrow().categoryL1();
          bought.computeIfAbsent(s, k -> new HashMap<>()).merge(category, 1L, Long::sum);
        }
      }

      assertThat(bought).hasSize(6);
      bought.forEach((segment, counts) -> {
        List<String> top2 = RetailData.sortedByCount(counts).keySet().stream().limit(2).toList();
        assertThat(top2).as("top categories of %s", segment)
            .containsExactlyInAnyOrderElementsOf(RetailData.favouredCategories(segment));
      });
    }

    @Test
    void affinityTable_favoursDifferentCategoriesForYoungWomenAndMiddleAgedMen() {
      assertThat(RetailData.favouredCategories(Segment.of("F", 25))).containsExactly("Fashion", "Beauty");
      assertThat(RetailData.favouredCategories(Segment.of("M", 40))).containsExactly("Outdoor", "Tools");
      RetailData.affinities().values().forEach(row ->
          assertThat(row.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within()));
    }

    @Test
    void mostCustomers_buyMostFromTheirMainCategory() {
      long matching = data.customers().stream()
          .filter(c -> data.purchasesByCategory(c.id()).keySet().iterator().next().equals(c.mainCategory()))
          .count();

      assertThat(matching).isGreaterThan(800);
    }

    @Test
    void buyersOfAnAnchor_usuallyBuyItsCompanionWithinTwoHours() {
      Map<ItemId, ItemId> companionOf = data.coPurchases().stream()
          .collect(Collectors.toMap(CoPurchase::anchor, CoPurchase::companion));
      int anchorsBought = 0;
      int companionsFollowed = 0;
      for (Customer c : data.customers()) {
        List<Interaction> purchases = new ArrayList<>(data.history(c.id(), RetailData.PURCHASE));
        for (Interaction p : purchases) {
          ItemId companion = companionOf.get(p.itemId());
          if (companion == null) {
            continue;
          }
          anchorsBought++;
          boolean followed = purchases.stream().anyMatch(q -> q.itemId().equals(companion)
              && !q.timestamp().orElseThrow().isBefore(p.timestamp().orElseThrow())
              && Duration.between(p.timestamp().orElseThrow(), q.timestamp().orElseThrow()).toHours() <= 2);
          if (followed) {
            companionsFollowed++;
          }
        }
      }

      assertThat(anchorsBought).isGreaterThan(200);
      assertThat((double) companionsFollowed / anchorsBought).isGreaterThan(0.75);
    }

    @Test
    void coPurchases_pairTentsWithSleepingBags() {
      Set<String> pairs = new HashSet<>();
      for (CoPurchase p : data.coPurchases()) {
        pairs.add(data.product(p.anchor()).orElseThrow().categoryL2() + "->"
            + data.product(p.companion()).orElseThrow().categoryL2());
      }
      assertThat(pairs).contains("Tents->Sleeping Bags", "Drills->Drill Bits", "Phones->Phone Cases");
    }

    private org.assertj.core.data.Offset<Double> within() {
      return org.assertj.core.data.Offset.offset(1e-9);
    }
  }

  @Nested
  @DisplayName("CSV files")
  class Csv {
    @Test
    void writeCsv_writesHeadersMatchingTheSchemasAndOneRowPerRecord(@TempDir Path dir) throws IOException {
      RetailData.CsvFiles files = data.writeCsv(dir);

      List<String> items = Files.readAllLines(files.items());
      List<String> users = Files.readAllLines(files.users());
      List<String> events = Files.readAllLines(files.interactions());
      assertThat(items.get(0)).isEqualTo("ITEM_ID,PRICE,CATEGORY_L1,CATEGORY_L2");
      assertThat(users.get(0)).isEqualTo("USER_ID,AGE,GENDER,MEMBERSHIP");
      assertThat(events.get(0)).isEqualTo("USER_ID,ITEM_ID,EVENT_TYPE,TIMESTAMP");
      assertThat(items).hasSize(2001);
      assertThat(users).hasSize(1001);
      assertThat(events).hasSize(data.interactions().size() + 1);
    }

    @Test
    void writeCsv_rendersRecordsAsTheDatasetsExpect(@TempDir Path dir) throws IOException {
      RetailData.CsvFiles files = data.writeCsv(dir);
      Product p1 = data.product(ItemId.of("p-1")).orElseThrow();
      Customer u1 = data.customer(UserId.of("u-1")).orElseThrow();
      Interaction first = data.interactions().get(0);

      assertThat(Files.readAllLines(files.items()).get(1))
          .isEqualTo("p-1," + RetailData.price(p1.price()) + "," + p1.categoryL1() + "," + p1.categoryL2());
      assertThat(Files.readAllLines(files.users()).get(1))
          .isEqualTo("u-1," + u1.age() + "," + u1.gender() + "," + u1.membership());
      assertThat(Files.readAllLines(files.interactions()).get(1))
          .isEqualTo(first.userId().orElseThrow() + "," + first.itemId() + "," + first.eventType() + ","
              + first.timestamp().orElseThrow().getEpochSecond());
      assertThat(first.timestamp().orElseThrow().getEpochSecond()).isBetween(1_700_000_000L, 1_900_000_000L);
    }
  }

  @Test
  void customer_toUser_carriesDemographicsThatMapBackToTheSegment() {
    Customer c = data.customers().get(0);

    assertThat(Segment.of(c.toUser())).contains(c.segment());
    assertThat(c.toUser().categorical(RetailData.MEMBERSHIP)).contains(c.membership());
  }
}
