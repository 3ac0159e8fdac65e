package dev.personalize4j.testing.contract;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard data set of the contract kit: 50 items in 5 categories with prices, 32 users with
 * AGE, GENDER and MEMBERSHIP, 236 interactions with a known structure and fixed timestamps, and 3
 * named filters. Small enough to load over HTTP in well under a second.
 *
 * <p>Known structure, which the contract tests rely on:
 *
 * <ul>
 *   <li>Young users ({@code user-01}–{@code user-10}, AGE 20–29, MEMBERSHIP basic) favour {@link
 *       #OUTDOOR}; {@code user-01}–{@code user-06} bought the {@link #TENT} and then the {@link
 *       #SLEEPING_BAG}, and nobody else bought either.
 *   <li>Middle-aged users ({@code user-11}–{@code user-20}, AGE 35–48, silver) bought the {@link
 *       #BEST_SELLER} and kitchen items and viewed electronics.
 *   <li>Seniors ({@code user-21}–{@code user-30}, AGE 61–69, gold) favour {@link #BOOKS}: all bought
 *       the {@link #BOOK_CLUB_PICK}.
 *   <li>The {@link #BEST_SELLER} has the most events (24) and purchases (12) overall; the {@link
 *       #BOOK_CLUB_PICK} is second (20 events, 10 purchases).
 *   <li>{@link #YOUNG_NEWCOMER} and {@link #SENIOR_NEWCOMER} have attributes but no events; {@link
 *       #UNKNOWN_USER} is unknown altogether; {@link #COLD_ITEM} has no events.
 * </ul>
 *
 * <p>Timestamps run from {@link #START} every 5 minutes, in list order.
 */
public final class ContractData {
  /** Category of tents, sleeping bags and the like. */
  public static final String OUTDOOR = "Outdoor";
  /** Category of the best seller. */
  public static final String ELECTRONICS = "Electronics";
  /** Category the seniors favour. */
  public static final String BOOKS = "Books";
  /** Category bought by middle-aged users. */
  public static final String KITCHEN = "Kitchen";
  /** Category that is only viewed. */
  public static final String FASHION = "Fashion";
  /** Every category, in item order. */
  public static final List<String> CATEGORIES = List.of(OUTDOOR, ELECTRONICS, BOOKS, KITCHEN, FASHION);

  /** The tent: bought by user-01 to user-06, who all bought the sleeping bag too. */
  public static final ItemId TENT = ItemId.of("outdoor-tent");
  /** The sleeping bag every tent buyer bought. */
  public static final ItemId SLEEPING_BAG = ItemId.of("outdoor-sleeping-bag");
  /** The item with the most events and purchases: headphones, priced 79. */
  public static final ItemId BEST_SELLER = ItemId.of("electronics-headphones");
  /** The book every senior bought. */
  public static final ItemId BOOK_CLUB_PICK = ItemId.of("books-the-long-river");
  /** An item nobody interacted with. */
  public static final ItemId COLD_ITEM = ItemId.of("fashion-socks");
  /** An item id that is not in the catalogue. */
  public static final ItemId UNKNOWN_ITEM = ItemId.of("no-such-item");

  /** A tent buyer: bought {@link #TENT} and {@link #SLEEPING_BAG}, nothing else. */
  public static final UserId TENT_BUYER = UserId.of("user-01");
  /** A senior who bought {@link #BOOK_CLUB_PICK} and one other book. */
  public static final UserId SENIOR = UserId.of("user-21");
  /** A user with attributes like the young users (AGE 24, basic) and no events. */
  public static final UserId YOUNG_NEWCOMER = UserId.of("newcomer-young");
  /** A user with attributes like the seniors (AGE 66, gold) and no events. */
  public static final UserId SENIOR_NEWCOMER = UserId.of("newcomer-senior");
  /** A user id that appears nowhere in the data. */
  public static final UserId UNKNOWN_USER = UserId.of("nobody-knows-me");

  /** Filter name: excludes items the user purchased. */
  public static final String EXCLUDE_PURCHASED = "exclude-purchased";
  /** Filter name: includes only items whose CATEGORY_L1 is in {@code $CATEGORY}. */
  public static final String IN_CATEGORY = "in-category";
  /** Filter name: includes only items whose PRICE is at most {@code $PRICE}. */
  public static final String MAX_PRICE = "max-price";
  /** Placeholder of {@link #IN_CATEGORY}. */
  public static final String CATEGORY_PARAMETER = "CATEGORY";
  /** Placeholder of {@link #MAX_PRICE}. */
  public static final String PRICE_PARAMETER = "PRICE";

  /** Timestamp of the first interaction. */
  public static final Instant START = Instant.parse("2025-06-02T08:00:00Z");
  /** Time between consecutive interactions. */
  public static final Duration STEP = Duration.ofMinutes(5);

  private final List<Item> items;
  private final List<User> users;
  private final List<Interaction> interactions;
  private final Map<String, String> filters;

  /** The standard data set (immutable, shared). */
  public static ContractData standard() {
    return Standard.INSTANCE;
  }

  private static final class Standard {
    static final ContractData INSTANCE = new ContractData();
  }

  private ContractData() {
    this.items = buildItems();
    this.users = buildUsers();
    this.interactions = buildInteractions();
    Map<String, String> f = new LinkedHashMap<>();
    f.put(EXCLUDE_PURCHASED, "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")");
    f.put(IN_CATEGORY, "INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($" + CATEGORY_PARAMETER + ")");
    f.put(MAX_PRICE, "INCLUDE ItemID WHERE Items.PRICE <= $" + PRICE_PARAMETER);
    this.filters = Collections.unmodifiableMap(f);
  }

  /** The 50 items, 10 per category, each with PRICE and CATEGORY_L1. */
  public List<Item> items() {
    return items;
  }

  /** The 32 users (30 with events, 2 newcomers), each with AGE, GENDER and MEMBERSHIP. */
  public List<User> users() {
    return users;
  }

  /** The 236 interactions in time order, each with a timestamp and an event id. */
  public List<Interaction> interactions() {
    return interactions;
  }

  /** Filter expressions by filter name. */
  public Map<String, String> filters() {
    return filters;
  }

  /** The time of the last interaction. */
  public Instant end() {
    return interactions.get(interactions.size() - 1).timestamp().orElseThrow();
  }

  /** The item with id {@code id}, if in the data. */
  public Optional<Item> item(ItemId id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** The ids of the items of {@code category}. */
  public List<ItemId> itemIds(String category) {
    return items.stream().filter(i -> i.categoryL1().equals(Optional.of(category))).map(Item::id).toList();
  }

  /** The items {@code user} purchased in the data. */
  public Set<ItemId> purchasedBy(UserId user) {
    Set<ItemId> out = new LinkedHashSet<>();
    for (Interaction i : interactions) {
      if (i.userId().equals(Optional.of(user)) && i.eventType().equals(EventType.PURCHASE)) {
        out.add(i.itemId());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  // ---- construction ----

  private static final String[][] CATALOGUE = {
      {"outdoor-tent", "249", "outdoor-sleeping-bag", "89.5", "outdoor-lantern", "24.5", "outdoor-backpack", "119",
          "outdoor-hiking-boots", "139", "outdoor-camping-stove", "59", "outdoor-water-filter", "39.5",
          "outdoor-trekking-poles", "49", "outdoor-hammock", "34", "outdoor-compass", "15.5"},
      {"electronics-headphones", "79", "electronics-phone", "699", "electronics-charger", "19.5",
          "electronics-laptop", "999", "electronics-tablet", "329", "electronics-smartwatch", "199",
          "electronics-speaker", "59.5", "electronics-keyboard", "49.5", "electronics-mouse", "24",
          "electronics-webcam", "39"},
      {"books-the-long-river", "14.5", "books-cookbook", "24", "books-atlas", "35", "books-poetry", "9.5",
          "books-biography", "19", "books-thriller", "12.5", "books-history", "28", "books-gardening", "17.5",
          "books-travel-guide", "21", "books-crossword", "7.5"},
      {"kitchen-chef-knife", "89", "kitchen-frying-pan", "45", "kitchen-kettle", "35.5", "kitchen-blender", "79.5",
          "kitchen-coffee-grinder", "49", "kitchen-cutting-board", "19.5", "kitchen-mixing-bowls", "29",
          "kitchen-toaster", "39.5", "kitchen-spice-rack", "24.5", "kitchen-teapot", "27"},
      {"fashion-scarf", "19", "fashion-sunglasses", "89", "fashion-wool-hat", "15", "fashion-rain-jacket", "129",
          "fashion-sneakers", "99", "fashion-belt", "29.5", "fashion-gloves", "22", "fashion-tote-bag", "35",
          "fashion-watch-strap", "18", "fashion-socks", "9"},
  };

  private static List<Item> buildItems() {
    List<Item> out = new ArrayList<>();
    for (int c = 0; c < CATALOGUE.length; c++) {
      String[] row = CATALOGUE[c];
      for (int i = 0; i < row.length; i += 2) {
        out.add(Item.builder(ItemId.of(row[i])).price(Double.parseDouble(row[i + 1]))
            .categoryL1(CATEGORIES.get(c)).build());
      }
    }
    return List.copyOf(out);
  }

  private static ItemId item(int category, int index) {
    return ItemId.of(CATALOGUE[category][index * 2]);
  }

  private static UserId user(int n) {
    return UserId.of(String.format("user-%02d", n));
  }

  private static List<User> buildUsers() {
    List<User> out = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      int age;
      String membership;
      if (n <= 10) {
        age = 20 + n % 10;
        membership = "basic";
      } else if (n <= 20) {
        age = 35 + (n - 11) * 13 / 9;
        membership = "silver";
      } else {
        age = 61 + (n - 21) * 8 / 9;
        membership = "gold";
      }
      out.add(User.builder(user(n)).numeric("AGE", age).categorical("GENDER", n % 2 == 0 ? "F" : "M")
          .categorical("MEMBERSHIP", membership).build());
    }
    out.add(User.builder(YOUNG_NEWCOMER).numeric("AGE", 24).categorical("GENDER", "F")
        .categorical("MEMBERSHIP", "basic").build());
    out.add(User.builder(SENIOR_NEWCOMER).numeric("AGE", 66).categorical("GENDER", "F")
        .categorical("MEMBERSHIP", "gold").build());
    return List.copyOf(out);
  }

  private static List<Interaction> buildInteractions() {
    List<Interaction> out = new ArrayList<>();
    final int outdoor = 0;
    final int electronics = 1;
    final int books = 2;
    final int kitchen = 3;
    final int fashion = 4;
    for (int n = 1; n <= 30; n++) {
      UserId u = user(n);
      if (n <= 10) {
        if (n <= 6) {
          buy(out, u, TENT);
          buy(out, u, SLEEPING_BAG);
        } else {
          buy(out, u, item(outdoor, 2 + (n - 7)));
          if (n <= 8) {
            buy(out, u, BEST_SELLER);
          }
        }
        for (int k = 0; k < 3; k++) {
          view(out, u, item(outdoor, 2 + (n + k) % 8));
        }
        view(out, u, item(fashion, n % 9));
      } else if (n <= 20) {
        buy(out, u, BEST_SELLER);
        for (int k = 0; k < 3; k++) {
          view(out, u, item(electronics, 1 + (n + k) % 9));
        }
        buy(out, u, item(kitchen, n % 10));
        view(out, u, item(fashion, (n + 3) % 9));
      } else {
        buy(out, u, BOOK_CLUB_PICK);
        for (int k = 0; k < 3; k++) {
          view(out, u, item(books, 1 + (n + k) % 9));
        }
        buy(out, u, item(books, 1 + n % 9));
        view(out, u, item(kitchen, n % 10));
      }
    }
    return List.copyOf(out);
  }

  private static void buy(List<Interaction> out, UserId user, ItemId item) {
    view(out, user, item);
    add(out, user, item, EventType.PURCHASE);
  }

  private static void view(List<Interaction> out, UserId user, ItemId item) {
    add(out, user, item, EventType.VIEW);
  }

  private static void add(List<Interaction> out, UserId user, ItemId item, EventType type) {
    int n = out.size();
    out.add(Interaction.builder().userId(user).itemId(item).eventType(type)
        .timestamp(START.plus(STEP.multipliedBy(n)))
        .eventId(String.format("contract-event-%04d", n))
        .build());
  }
}
