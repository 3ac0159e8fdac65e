package dev.personalize4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.CatalogSync;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CatalogSync} implementation must show, as JUnit 5 tests: extend this
 * class, return a fresh catalogue from {@link #createCatalog()} and read back what the backend
 * stored with {@link #storedItem} and {@link #storedUser}.
 */
public abstract class CatalogSyncContract {
  /** How many records the bulk-load tests stream. */
  protected static final int BULK_SIZE = 2_000;

  /** The catalogue under test, created before each test. */
  protected CatalogSync catalog;

  /** Returns a new catalogue whose writes {@link #storedItem} and {@link #storedUser} read back. */
  protected abstract CatalogSync createCatalog();

  /** The item as the backend stores it now, if any. */
  protected abstract Optional<Item> storedItem(ItemId id);

  /** The user as the backend stores it now, if any. */
  protected abstract Optional<User> storedUser(UserId id);

  @BeforeEach
  void createTheCatalog() {
    catalog = createCatalog();
  }

  private static Item item(String id, String category, double price) {
    return Item.builder(ItemId.of(id)).categoryL1(category).price(price).build();
  }

  private static User user(String id, int age, String gender) {
    return User.builder(UserId.of(id)).numeric("AGE", age).categorical("GENDER", gender).build();
  }

  private static void assertSameItem(Optional<Item> stored, Item expected) {
    assertThat(stored).as("stored item %s", expected.id()).isPresent();
    Item got = stored.get();
    assertThat(got.id()).isEqualTo(expected.id());
    assertThat(got.attributes().keySet()).containsExactlyInAnyOrderElementsOf(expected.attributes().keySet());
    expected.attributes().forEach((name, value) -> assertSameValue(name, got.attributes().get(name), value));
  }

  private static void assertSameUser(Optional<User> stored, User expected) {
    assertThat(stored).as("stored user %s", expected.id()).isPresent();
    User got = stored.get();
    assertThat(got.id()).isEqualTo(expected.id());
    assertThat(got.attributes().keySet()).containsExactlyInAnyOrderElementsOf(expected.attributes().keySet());
    expected.attributes().forEach((name, value) -> assertSameValue(name, got.attributes().get(name), value));
  }

  private static void assertSameValue(String name, AttributeValue got, AttributeValue expected) {
    if (expected instanceof AttributeValue.Numeric n) {
      assertThat(got).as(name).isInstanceOf(AttributeValue.Numeric.class);
      assertThat(((AttributeValue.Numeric) got).value()).as(name).isCloseTo(n.value(), within(1e-3));
    } else {
      assertThat(got).as(name).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("Items")
  class Items {
    @Test
    @DisplayName("an upserted item is stored")
    void one() {
      Item tent = item("tent", "Outdoor", 249);
      catalog.upsertItem(tent);
      assertSameItem(storedItem(tent.id()), tent);
    }

    @Test
    @DisplayName("several upserted items are all stored")
    void many() {
      List<Item> items = List.of(item("a", "Books", 9.5), item("b", "Books", 12), item("c", "Kitchen", 30));
      catalog.upsertItems(items);
      items.forEach(i -> assertSameItem(storedItem(i.id()), i));
    }

    @Test
    @DisplayName("upserting an existing id replaces the item")
    void replace() {
      catalog.upsertItem(item("lamp", "Home", 40));
      Item changed = item("lamp", "Outdoor", 35.5);
      catalog.upsertItem(changed);
      assertSameItem(storedItem(changed.id()), changed);
    }

    @Test
    @DisplayName("more items than one backend call takes (10) are batched and all stored")
    void largerThanABatch() {
      List<Item> items = IntStream.range(0, 27).mapToObj(i -> item("batch-" + i, "Books", i + 0.5)).toList();
      catalog.upsertItems(items);
      items.forEach(i -> assertSameItem(storedItem(i.id()), i));
    }

    @Test
    @DisplayName("every attribute type survives the round trip")
    void attributes() {
      Item full = Item.builder(ItemId.of("full")).price(19.5).categoryL1("Outdoor", "Camping")
          .categoryL2("Tents").categoryL3("Two-person")
          .creationTime(Instant.parse("2025-05-01T00:00:00Z"))
          .description("A light tent for two, with \"quotes\", commas, and unicode: é ü 雪")
          .numeric("WEIGHT_KG", 2.25).categorical("COLOUR", "green").build();
      catalog.upsertItem(full);
      assertSameItem(storedItem(full.id()), full);
    }

    @Test
    @DisplayName("a bulk load streams thousands of items and reports the count")
    void bulk() {
      AtomicInteger produced = new AtomicInteger();
      Stream<Item> stream = IntStream.range(0, BULK_SIZE)
          .mapToObj(i -> {
            produced.incrementAndGet();
            return item("bulk-" + i, "Category" + (i % 7), i % 100 + 0.5);
          });
      assertThat(catalog.bulkLoadItems(stream)).isEqualTo(BULK_SIZE);
      assertThat(produced).hasValue(BULK_SIZE);
      for (int i : new int[] {0, 1, BULK_SIZE / 2, BULK_SIZE - 1}) {
        assertSameItem(storedItem(ItemId.of("bulk-" + i)), item("bulk-" + i, "Category" + (i % 7), i % 100 + 0.5));
      }
    }

    @Test
    @DisplayName("a bulk load of nothing loads 0 items")
    void bulkEmpty() {
      assertThat(catalog.bulkLoadItems(Stream.empty())).isZero();
    }

    @Test
    @DisplayName("upserting no items is harmless")
    void none() {
      catalog.upsertItems(List.of());
      assertThat(storedItem(ItemId.of("never-upserted"))).isEmpty();
    }

    @Test
    @DisplayName("an item never upserted is not stored")
    void absent() {
      catalog.upsertItem(item("present", "Books", 1));
      assertThat(storedItem(ItemId.of("absent"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("Users")
  class Users {
    @Test
    @DisplayName("an upserted user is stored")
    void one() {
      User alice = user("alice", 34, "F");
      catalog.upsertUser(alice);
      assertSameUser(storedUser(alice.id()), alice);
    }

    @Test
    @DisplayName("more users than one backend call takes (10) are batched and all stored")
    void largerThanABatch() {
      List<User> users = IntStream.range(0, 23).mapToObj(i -> user("member-" + i, 20 + i, i % 2 == 0 ? "F" : "M"))
          .toList();
      catalog.upsertUsers(users);
      users.forEach(u -> assertSameUser(storedUser(u.id()), u));
    }

    @Test
    @DisplayName("upserting an existing id replaces the user")
    void replace() {
      catalog.upsertUser(user("bob", 40, "M"));
      User older = User.builder(UserId.of("bob")).numeric("AGE", 41).categorical("MEMBERSHIP", "gold").build();
      catalog.upsertUser(older);
      assertSameUser(storedUser(older.id()), older);
    }

    @Test
    @DisplayName("numeric and multi-valued categorical attributes survive the round trip")
    void attributes() {
      User carol = User.builder(UserId.of("carol")).numeric("AGE", 29).categorical("GENDER", "F")
          .categorical("INTERESTS", "hiking", "books").numeric("SCORE", 0.75).build();
      catalog.upsertUser(carol);
      assertSameUser(storedUser(carol.id()), carol);
    }

    @Test
    @DisplayName("a bulk load streams thousands of users and reports the count")
    void bulk() {
      assertThat(catalog.bulkLoadUsers(IntStream.range(0, BULK_SIZE)
          .mapToObj(i -> user("crowd-" + i, 18 + i % 60, i % 2 == 0 ? "F" : "M")))).isEqualTo(BULK_SIZE);
      int last = BULK_SIZE - 1;
      assertSameUser(storedUser(UserId.of("crowd-" + last)), user("crowd-" + last, 18 + last % 60, last % 2 == 0 ? "F" : "M"));
      assertSameUser(storedUser(UserId.of("crowd-0")), user("crowd-0", 18, "F"));
    }

    @Test
    @DisplayName("many users in one upsert are all stored")
    void many() {
      List<User> users = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        users.add(user("guest-" + i, 30 + i, "M"));
      }
      catalog.upsertUsers(users);
      users.forEach(u -> assertSameUser(storedUser(u.id()), u));
      assertThat(storedUser(UserId.of("guest-5"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("Validation")
  class Validation {
    @Test
    @DisplayName("an invalid attribute name fails when the item is built, naming it")
    void badAttributeName() {
      assertThatThrownBy(() -> Item.builder(ItemId.of("x")).numeric("9LIVES", 1).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute name");
    }

    @Test
    @DisplayName("a negative price fails when the item is built")
    void negativePrice() {
      assertThatThrownBy(() -> Item.builder(ItemId.of("x")).price(-1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
    }
  }
}
