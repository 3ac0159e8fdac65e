package dev.personalize4j.examples;

import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A deterministic synthetic retail shop — products, customers and their views and purchases — whose
 * structure is known in advance, so that recommendations computed from it can be checked: category
 * affinities differ by demographic {@link Segment}, every customer has a main category, and some
 * products are bought together ({@link #coPurchases()}). The same seed always gives the same data.
 */
public final class RetailData {
  /** Event type of a product page view (the ECOMMERCE domain's {@code View}). */
  public static final EventType VIEW = EventType.VIEW;
  /** Event type of a purchase (the ECOMMERCE domain's {@code Purchase}). */
  public static final EventType PURCHASE = EventType.PURCHASE;
  /** User metadata field: age in years (numeric). */
  public static final String AGE = "AGE";
  /** User metadata field: {@code F} or {@code M} (categorical). */
  public static final String GENDER = "GENDER";
  /** User metadata field: {@code Basic}, {@code Silver} or {@code Gold} (categorical). */
  public static final String MEMBERSHIP = "MEMBERSHIP";
  /** Header of the Items CSV, in the order of the Items schema's fields. */
  public static final List<String> ITEMS_HEADER = List.of("ITEM_ID", "PRICE", "CATEGORY_L1", "CATEGORY_L2");
  /** Header of the Users CSV, in the order of the Users schema's fields. */
  public static final List<String> USERS_HEADER = List.of("USER_ID", AGE, GENDER, MEMBERSHIP);
  /** Header of the Interactions CSV, in the order of the Interactions schema's fields. */
  public static final List<String> INTERACTIONS_HEADER = List.of("USER_ID", "ITEM_ID", "EVENT_TYPE", "TIMESTAMP");
  /** The seed of the data used by the demo and the README. */
  public static final long DEFAULT_SEED = 42L;
  /** Every interaction happens in the 90 days before this instant, so the data never depends on today. */
  public static final Instant END = Instant.parse("2026-11-30T00:00:00Z");

  private static final Duration HISTORY = Duration.ofDays(90);
  private static final double MAIN_CATEGORY_SHARE = 0.6;
  private static final double COMPANION_PROBABILITY = 0.85;

  /** The size of a generated shop. */
  public record Size(int products, int customers) {
    /** The demo's size: 2,000 products and 1,000 customers (about 30,000 interactions). */
    public static final Size DEFAULT = new Size(2000, 1000);

    /** Validates the counts: at least one product per sub-category and 50 customers. */
    public Size {
      int minProducts = Catalog.L2_COUNT * 2;
      if (products < minProducts || products > 100_000) {
        throw new IllegalArgumentException(
            "products must be between " + minProducts + " and 100000 but was " + products);
      }
      if (customers < 50 || customers > 100_000) {
        throw new IllegalArgumentException("customers must be between 50 and 100000 but was " + customers);
      }
    }
  }

  /** An age band used to segment customers. */
  public enum AgeBand {
    /** 18 to 34 years. */
    YOUNG("18-34", 18, 34),
    /** 35 to 54 years. */
    MIDDLE("35-54", 35, 54),
    /** 55 years and older. */
    SENIOR("55+", 55, 80);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
      this.label = label;
      this.from = from;
      this.to = to;
    }

    /** The band containing {@code age}; ages under 18 count as {@link #YOUNG}. */
    public static AgeBand of(int age) {
      if (age >= SENIOR.from) {
        return SENIOR;
      }
      return age >= MIDDLE.from ? MIDDLE : YOUNG;
    }

    /** A human label such as {@code 18-34}. */
    public String label() {
      return label;
    }
  }

  /**
   * A demographic segment: gender and age band. Each segment has its own category affinities.
   *
   * @param gender {@code F} or {@code M}
   * @param ageBand the age band
   */
  public record Segment(String gender, AgeBand ageBand) {
    /** Validates the gender. */
    public Segment {
      if (!"F".equals(gender) && !"M".equals(gender)) {
        throw new IllegalArgumentException("gender must be F or M but was " + gender);
      }
      Objects.requireNonNull(ageBand, "ageBand");
    }

    /** The segment of a customer aged {@code age}. */
    public static Segment of(String gender, int age) {
      return new Segment(gender, AgeBand.of(age));
    }

    /** The segment of a user from their {@code GENDER} and {@code AGE} metadata, if both are set. */
    public static Optional<Segment> of(User user) {
      Optional<String> gender = user.categorical(GENDER);
      if (gender.isEmpty() || user.numeric(AGE).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(of(gender.get(), (int) user.numeric(AGE).getAsDouble()));
    }

    @Override
    public String toString() {
      return ("F".equals(gender) ? "women " : "men ") + ageBand.label();
    }
  }

  /**
   * A product of the shop.
   *
   * @param id the item id ({@code p-1} ...)
   * @param name a readable product name
   * @param categoryL1 the department, e.g. {@code Outdoor}
   * @param categoryL2 the sub-category, e.g. {@code Tents}
   * @param price the price in dollars
   */
  public record Product(ItemId id, String name, String categoryL1, String categoryL2, double price) {
    /** The product as a Personalize item with PRICE, CATEGORY_L1 and CATEGORY_L2. */
    public Item toItem() {
      return Item.builder(id).price(price).categoryL1(categoryL1).categoryL2(categoryL2).build();
    }
  }

  /**
   * A customer of the shop.
   *
   * @param id the user id ({@code u-1} ...)
   * @param age age in years
   * @param gender {@code F} or {@code M}
   * @param membership {@code Basic}, {@code Silver} or {@code Gold}
   * @param mainCategory the department this customer buys most from (ground truth)
   */
  public record Customer(UserId id, int age, String gender, String membership, String mainCategory) {
    /** The customer's demographic segment. */
    public Segment segment() {
      return Segment.of(gender, age);
    }

    /** The customer as a Personalize user with AGE, GENDER and MEMBERSHIP. */
    public User toUser() {
      return User.builder(id)
          .numeric(AGE, age)
          .categorical(GENDER, gender)
          .categorical(MEMBERSHIP, membership)
          .build();
    }
  }

  /**
   * Two products bought together: a customer buying {@code anchor} usually buys {@code companion}
   * within two hours.
   */
  public record CoPurchase(ItemId anchor, ItemId companion) {}

  /** The three CSV files a dataset import job reads. */
  public record CsvFiles(Path items, Path users, Path interactions) {}

  private final long seed;
  private final List<Product> products;
  private final Map<ItemId, Product> productsById;
  private final List<Customer> customers;
  private final Map<UserId, Customer> customersById;
  private final List<Interaction> interactions;
  private final List<CoPurchase> coPurchases;
  private final Map<UserId, List<Interaction>> byUser;

  private RetailData(long seed, List<Product> products, List<Customer> customers,
      List<Interaction> interactions, List<CoPurchase> coPurchases) {
    this.seed = seed;
    this.products = List.copyOf(products);
    this.productsById = products.stream()
        .collect(Collectors.toUnmodifiableMap(Product::id, Function.identity()));
    this.customers = List.copyOf(customers);
    this.customersById = customers.stream()
        .collect(Collectors.toUnmodifiableMap(Customer::id, Function.identity()));
    this.interactions = List.copyOf(interactions);
    this.coPurchases = List.copyOf(coPurchases);
    Map<UserId, List<Interaction>> index = new HashMap<>();
    for (Interaction i : this.interactions) {
      index.computeIfAbsent(i.userId().orElseThrow(), k -> new ArrayList<>()).add(i);
    }
    this.byUser = index;
  }

  /** Generates the demo's shop ({@link Size#DEFAULT}) from {@code seed}. */
  public static RetailData generate(long seed) {
    return generate(seed, Size.DEFAULT);
  }

  /** Generates a shop of the given size from {@code seed}; equal arguments give equal data. */
  public static RetailData generate(long seed, Size size) {
    return new Generator(seed, size).run();
  }

  /** The department names (CATEGORY_L1), in a fixed order. */
  public static List<String> categories() {
    return Catalog.L1;
  }

  /** The sub-category names (CATEGORY_L2) of a department. */
  public static List<String> subCategories(String categoryL1) {
    List<String> l2 = Catalog.L2.get(categoryL1);
    if (l2 == null) {
      throw new IllegalArgumentException("categoryL1 must be one of " + Catalog.L1 + " but was " + categoryL1);
    }
    return l2;
  }

  /**
   * The ground-truth affinity table: for each segment, the probability that a purchase of a customer
   * in that segment falls into each department (before the customer's own main category is mixed in).
   */
  public static Map<Segment, Map<String, Double>> affinities() {
    return Catalog.AFFINITIES;
  }

  /** The departments a segment favours most, best first (the top two of {@link #affinities()}). */
  public static List<String> favouredCategories(Segment segment) {
    return Catalog.AFFINITIES.get(segment).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(2)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The seed this shop was generated from. */
  public long seed() {
    return seed;
  }

  /** Every product, in id order. */
  public List<Product> products() {
    return products;
  }

  /** The product {@code id}, if it exists. */
  public Optional<Product> product(ItemId id) {
    return Optional.ofNullable(productsById.get(id));
  }

  /** Every customer, in id order. */
  public List<Customer> customers() {
    return customers;
  }

  /** The customer {@code id}, if it exists. */
  public Optional<Customer> customer(UserId id) {
    return Optional.ofNullable(customersById.get(id));
  }

  /** Every view and purchase, oldest first, each with a timestamp. */
  public List<Interaction> interactions() {
    return interactions;
  }

  /** The pairs of products bought together (ground truth). */
  public List<CoPurchase> coPurchases() {
    return coPurchases;
  }

  /** The interactions of one customer of the given type, most recent first. */
  public List<Interaction> history(UserId user, EventType type) {
    List<Interaction> all = byUser.getOrDefault(user, List.of());
    List<Interaction> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).eventType().equals(type)) {
        out.add(all.get(i));
      }
    }
    return List.copyOf(out);
  }

  /** How many of a customer's purchases fall into each department, most bought first. */
  public Map<String, Long> purchasesByCategory(UserId user) {
    Map<String, Long> counts = history(user, PURCHASE).stream()
        .collect(Collectors.groupingBy(i -> productsById.get(i.itemId()).categoryL1(), Collectors.counting()));
    return sortedByCount(counts);
  }

  /**
   * Writes {@code items.csv}, {@code users.csv} and {@code interactions.csv} into {@code directory}
   * (created if needed), with header rows matching {@link #ITEMS_HEADER}, {@link #USERS_HEADER} and
   * {@link #INTERACTIONS_HEADER}. Timestamps are epoch seconds.
   */
  public CsvFiles writeCsv(Path directory) {
    try {
      Files.createDirectories(directory);
      Path items = directory.resolve("items.csv");
      Path users = directory.resolve("users.csv");
      Path events = directory.resolve("interactions.csv");
      write(items, ITEMS_HEADER, products, p -> List.of(
          p.id().value(), price(p.price()), p.categoryL1(), p.categoryL2()));
      write(users, USERS_HEADER, customers, c -> List.of(
          c.id().value(), Integer.toString(c.age()), c.gender(), c.membership()));
      write(events, INTERACTIONS_HEADER, interactions, i -> List.of(
          i.userId().orElseThrow().value(), i.itemId().value(), i.eventType().name(),
          Long.toString(i.timestamp().orElseThrow().getEpochSecond())));
      return new CsvFiles(items, users, events);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the retail CSV files to " + directory, e);
    }
  }

  static String price(double price) {
    return String.format(Locale.ROOT, "%.2f", price);
  }

  static <K> Map<K, Long> sortedByCount(Map<K, Long> counts) {
    Map<K, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<K, Long>comparingByValue().reversed()
            .thenComparing(e -> e.getKey().toString()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(sorted);
  }

  private static <T> void write(Path file, List<String> header, List<T> rows, Function<T, List<String>> cells)
      throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", header));
      out.write('\n');
      for (T row : rows) {
        out.write(cells.apply(row).stream().map(RetailData::csvCell).collect(Collectors.joining(",")));
        out.write('\n');
      }
    }
  }

  private static String csvCell(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** The fixed vocabulary of the shop: departments, sub-categories, prices, names and affinities. */
  static final class Catalog {
    static final List<String> L1 = List.of(
        "Fashion", "Beauty", "Electronics", "Sports", "Home", "Toys", "Outdoor", "Tools");

    static final Map<String, List<String>> L2 = ordered(L1, List.of(
        List.of("Dresses", "Handbags", "Shoes", "Jackets"),
        List.of("Lipstick", "Skincare", "Fragrance", "Makeup Brushes"),
        List.of("Phones", "Phone Cases", "Headphones", "Chargers"),
        List.of("Running Shoes", "Yoga Mats", "Dumbbells", "Water Bottles"),
        List.of("Cookware", "Bedding", "Lamps", "Candles"),
        List.of("Building Sets", "Dolls", "Puzzles", "Board Games"),
        List.of("Tents", "Sleeping Bags", "Backpacks", "Camping Stoves"),
        List.of("Drills", "Drill Bits", "Saws", "Tool Boxes")));

    static final int L2_COUNT = 32;

    /** Price range per sub-category, in dollars. */
    static final Map<String, int[]> PRICES = Map.ofEntries(
        Map.entry("Dresses", new int[] {25, 120}), Map.entry("Handbags", new int[] {30, 200}),
        Map.entry("Shoes", new int[] {40, 150}), Map.entry("Jackets", new int[] {50, 220}),
        Map.entry("Lipstick", new int[] {8, 35}), Map.entry("Skincare", new int[] {10, 80}),
        Map.entry("Fragrance", new int[] {30, 140}), Map.entry("Makeup Brushes", new int[] {8, 40}),
        Map.entry("Phones", new int[] {199, 999}), Map.entry("Phone Cases", new int[] {9, 39}),
        Map.entry("Headphones", new int[] {29, 349}), Map.entry("Chargers", new int[] {12, 59}),
        Map.entry("Running Shoes", new int[] {60, 180}), Map.entry("Yoga Mats", new int[] {15, 80}),
        Map.entry("Dumbbells", new int[] {20, 150}), Map.entry("Water Bottles", new int[] {8, 30}),
        Map.entry("Cookware", new int[] {20, 200}), Map.entry("Bedding", new int[] {25, 180}),
        Map.entry("Lamps", new int[] {18, 140}), Map.entry("Candles", new int[] {6, 40}),
        Map.entry("Building Sets", new int[] {15, 150}), Map.entry("Dolls", new int[] {10, 60}),
        Map.entry("Puzzles", new int[] {8, 35}), Map.entry("Board Games", new int[] {15, 70}),
        Map.entry("Tents", new int[] {80, 450}), Map.entry("Sleeping Bags", new int[] {40, 220}),
        Map.entry("Backpacks", new int[] {35, 200}), Map.entry("Camping Stoves", new int[] {25, 140}),
        Map.entry("Drills", new int[] {50, 250}), Map.entry("Drill Bits", new int[] {10, 45}),
        Map.entry("Saws", new int[] {20, 180}), Map.entry("Tool Boxes", new int[] {20, 120}));

    /** Product nouns per sub-category; names are brand + style + noun. */
    static final Map<String, List<String>> NOUNS = Map.ofEntries(
        Map.entry("Dresses", List.of("Midi Dress", "Wrap Dress", "Maxi Dress")),
        Map.entry("Handbags", List.of("Tote", "Shoulder Bag", "Clutch")),
        Map.entry("Shoes", List.of("Loafers", "Ankle Boots", "Sneakers")),
        Map.entry("Jackets", List.of("Denim Jacket", "Blazer", "Trench Coat")),
        Map.entry("Lipstick", List.of("Matte Lipstick", "Lip Gloss", "Lip Tint")),
        Map.entry("Skincare", List.of("Serum", "Night Cream", "Cleanser")),
        Map.entry("Fragrance", List.of("Parfum", "Body Mist", "Cologne")),
        Map.entry("Makeup Brushes", List.of("Brush Set", "Blush Brush", "Kabuki Brush")),
        Map.entry("Phones", List.of("Smartphone", "Phone 5G", "Phone Mini")),
        Map.entry("Phone Cases", List.of("Phone Case", "Folio Case", "Bumper Case")),
        Map.entry("Headphones", List.of("Earbuds", "Headphones", "Neckband")),
        Map.entry("Chargers", List.of("USB Charger", "Power Bank", "Wireless Pad")),
        Map.entry("Running Shoes", List.of("Road Runner", "Trail Runner", "Racer")),
        Map.entry("Yoga Mats", List.of("Yoga Mat", "Travel Mat", "Cork Mat")),
        Map.entry("Dumbbells", List.of("Dumbbell Pair", "Kettlebell", "Weight Set")),
        Map.entry("Water Bottles", List.of("Water Bottle", "Shaker", "Flask")),
        Map.entry("Cookware", List.of("Frying Pan", "Dutch Oven", "Saucepans")),
        Map.entry("Bedding", List.of("Duvet Cover", "Sheet Set", "Pillow Pair")),
        Map.entry("Lamps", List.of("Desk Lamp", "Floor Lamp", "Table Lamp")),
        Map.entry("Candles", List.of("Candle", "Candle Trio", "Pillar Candle")),
        Map.entry("Building Sets", List.of("Castle Set", "Rocket Set", "City Set")),
        Map.entry("Dolls", List.of("Rag Doll", "Fashion Doll", "Doll House")),
        Map.entry("Puzzles", List.of("Jigsaw", "3D Puzzle", "Floor Puzzle")),
        Map.entry("Board Games", List.of("Strategy", "Party Game", "Word Game")),
        Map.entry("Tents", List.of("2P Tent", "4P Tent", "Dome Tent")),
        Map.entry("Sleeping Bags", List.of("Sleeping Bag", "Down Bag", "Quilt")),
        Map.entry("Backpacks", List.of("Daypack", "Trek Pack", "Hydro Pack")),
        Map.entry("Camping Stoves", List.of("Stove", "Twin Burner", "Jetboil")),
        Map.entry("Drills", List.of("Drill Driver", "Hammer Drill", "Impact Drill")),
        Map.entry("Drill Bits", List.of("Bit Set", "Masonry Bits", "Driver Bits")),
        Map.entry("Saws", List.of("Circ Saw", "Jigsaw", "Hand Saw")),
        Map.entry("Tool Boxes", List.of("Tool Box", "Tool Bag", "Organizer")));

    static final Map<String, List<String>> BRANDS = ordered(L1, List.of(
        List.of("Aurelle", "Mode&Co", "Linette", "Vireo"),
        List.of("Lumi", "Petal", "Velour", "Oriane"),
        List.of("Voltix", "Nimbus", "Arcwave", "Pixon"),
        List.of("Stride", "Flexa", "Apex", "Kinetic"),
        List.of("Hearth", "Nordhem", "Casa", "Willow"),
        List.of("Brickly", "Tumble", "Kiddo", "Playwise"),
        List.of("Trailhead", "Summit", "Northpeak", "Ridgeline"),
        List.of("Forgeline", "Torq", "Ironhand", "Buildr")));

    static final List<String> STYLES = List.of("One", "Pro", "Lite", "Max", "Eco", "Neo", "Air", "Plus");

    /** Anchor sub-category → companion sub-category; anchors' buyers usually buy a companion. */
    static final Map<String, String> PAIRED = ordered(
        List.of("Tents", "Drills", "Phones", "Lipstick", "Yoga Mats"),
        List.of("Sleeping Bags", "Drill Bits", "Phone Cases", "Makeup Brushes", "Water Bottles"));

    static final Map<Segment, Map<String, Double>> AFFINITIES = affinityTable();

    private static Map<Segment, Map<String, Double>> affinityTable() {
      Map<Segment, Map<String, Double>> t = new LinkedHashMap<>();
      t.put(new Segment("F", AgeBand.YOUNG), row("Fashion", 0.34, "Beauty", 0.28));
      t.put(new Segment("M", AgeBand.YOUNG), row("Electronics", 0.34, "Sports", 0.28));
      t.put(new Segment("F", AgeBand.MIDDLE), row("Home", 0.34, "Toys", 0.28));
      t.put(new Segment("M", AgeBand.MIDDLE), row("Outdoor", 0.34, "Tools", 0.28));
      t.put(new Segment("F", AgeBand.SENIOR), row("Beauty", 0.34, "Home", 0.28));
      t.put(new Segment("M", AgeBand.SENIOR), row("Tools", 0.34, "Outdoor", 0.28));
      return Collections.unmodifiableMap(t);
    }

    /** Two favoured departments; the remaining 38 % is spread evenly over the other six. */
    private static Map<String, Double> row(String first, double firstShare, String second, double secondShare) {
      Map<String, Double> row = new LinkedHashMap<>();
      double rest = (1.0 - firstShare - secondShare) / (L1.size() - 2);
      for (String c : L1) {
        row.put(c, c.equals(first) ? firstShare : c.equals(second) ? secondShare : rest);
      }
      return Collections.unmodifiableMap(row);
    }

    private static <V> Map<String, V> ordered(List<String> keys, List<V> values) {
      Map<String, V> m = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        m.put(keys.get(i), values.get(i));
      }
      return Collections.unmodifiableMap(m);
    }

    private Catalog() {}
  }

  /** One generation run; all randomness comes from {@code seed}. */
  private static final class Generator {
    private final long seed;
    private final Size size;
    private final List<Product> products = new ArrayList<>();
    private final Map<String, List<Product>> byL2 = new HashMap<>();
    private final Map<String, double[]> popularityByL2 = new HashMap<>();
    private final Map<ItemId, Product> companionOf = new HashMap<>();
    private final List<CoPurchase> coPurchases = new ArrayList<>();

    Generator(long seed, Size size) {
      this.seed = seed;
      this.size = size;
    }

    RetailData run() {
      generateProducts(new SplittableRandom(seed));
      pairProducts(new SplittableRandom(seed ^ 0x5DEECE66DL));
      List<Customer> customers = generateCustomers(new SplittableRandom(seed * 31 + 7));
      List<Interaction> interactions = new ArrayList<>();
      SplittableRandom events = new SplittableRandom(seed * 131 + 17);
      for (Customer c : customers) {
        generateHistory(c, events.split(), interactions);
      }
      interactions.sort(Comparator.comparing((Interaction i) -> i.timestamp().orElseThrow())
          .thenComparing(i -> i.userId().orElseThrow())
          .thenComparing(Interaction::itemId)
          .thenComparing(i -> i.eventType().name()));
      return new RetailData(seed, products, customers, interactions, coPurchases);
    }

    private void generateProducts(SplittableRandom rnd) {
      List<String> allL2 = Catalog.L1.stream().flatMap(l1 -> Catalog.L2.get(l1).stream()).toList();
      Map<String, Integer> nameUses = new HashMap<>();
      for (int n = 0; n < size.products(); n++) {
        String l2 = allL2.get(n % allL2.size());
        String l1 = Catalog.L1.get(allL2.indexOf(l2) / 4);
        int[] range = Catalog.PRICES.get(l2);
        double price = Math.floor(range[0] + rnd.nextDouble() * (range[1] - range[0])) + 0.99;
        String name = null;
        for (int attempt = 0; attempt < 20 && (name == null || nameUses.containsKey(name)); attempt++) {
          name = pick(rnd, Catalog.BRANDS.get(l1)) + " " + pick(rnd, Catalog.STYLES) + " "
              + pick(rnd, Catalog.NOUNS.get(l2));
        }
        int uses = nameUses.merge(name, 1, Integer::sum);
        if (uses > 1) {
          name = name + " " + (uses);
        }
        Product p = new Product(ItemId.of("p-" + (n + 1)), name, l1, l2, price);
        products.add(p);
        byL2.computeIfAbsent(l2, k -> new ArrayList<>()).add(p);
      }
      // Within a sub-category, popularity follows a Zipf-like law over a random order of products.
      for (Map.Entry<String, List<Product>> e : byL2.entrySet().stream()
          .sorted(Map.Entry.comparingByKey()).toList()) {
        int k = e.getValue().size();
        int[] rank = shuffled(rnd, k);
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
          weights[i] = 1.0 / Math.pow(rank[i] + 1, 0.9);
        }
        popularityByL2.put(e.getKey(), cumulative(weights));
      }
    }

    private void pairProducts(SplittableRandom rnd) {
      for (Map.Entry<String, String> pair : Catalog.PAIRED.entrySet()) {
        List<Product> anchors = byL2.get(pair.getKey());
        List<Product> companions = byL2.get(pair.getValue());
        int[] order = shuffled(rnd, companions.size());
        for (int i = 0; i < anchors.size(); i++) {
          Product companion = companions.get(order[i % companions.size()]);
          companionOf.put(anchors.get(i).id(), companion);
          coPurchases.add(new CoPurchase(anchors.get(i).id(), companion.id()));
        }
      }
    }

    private List<Customer> generateCustomers(SplittableRandom rnd) {
      List<Customer> out = new ArrayList<>();
      for (int n = 0; n < size.customers(); n++) {
        String gender = rnd.nextBoolean() ? "F" : "M";
        int age = 18 + rnd.nextInt(58);
        double m = rnd.nextDouble();
        String membership = m < 0.6 ? "Basic" : m < 0.9 ? "Silver" : "Gold";
        String main = weighted(rnd, Catalog.AFFINITIES.get(Segment.of(gender, age)));
        out.add(new Customer(UserId.of("u-" + (n + 1)), age, gender, membership, main));
      }
      return out;
    }

    private void generateHistory(Customer c, SplittableRandom rnd, List<Interaction> out) {
      int purchases = switch (c.membership()) {
        case "Gold" -> 8 + rnd.nextInt(7);
        case "Silver" -> 5 + rnd.nextInt(6);
        default -> 3 + rnd.nextInt(5);
      };
      Map<String, Double> affinity = Catalog.AFFINITIES.get(c.segment());
      long start = END.minus(HISTORY).getEpochSecond();
      long span = HISTORY.getSeconds() - 6 * 3600;
      for (int k = 0; k < purchases; k++) {
        String l1 = rnd.nextDouble() < MAIN_CATEGORY_SHARE ? c.mainCategory() : weighted(rnd, affinity);
        String l2 = pick(rnd, Catalog.L2.get(l1));
        Product bought = popular(rnd, l2);
        long t = start + (long) (rnd.nextDouble() * span);
        // Browse a few products of the same sub-category, then view and buy one.
        int browsing = 1 + rnd.nextInt(3);
        for (int v = 0; v < browsing; v++) {
          add(out, c, popular(rnd, l2), VIEW, t - 60L * (browsing - v + 1) - rnd.nextInt(50));
        }
        add(out, c, bought, VIEW, t - 30);
        add(out, c, bought, PURCHASE, t);
        Product companion = companionOf.get(bought.id());
        if (companion != null && rnd.nextDouble() < COMPANION_PROBABILITY) {
          long later = t + 300 + rnd.nextInt(7200);
          add(out, c, companion, VIEW, later - 45);
          add(out, c, companion, PURCHASE, later);
        }
      }
      // Window-shopping: views without a purchase, mostly in favoured departments.
      int windowShopping = 2 + rnd.nextInt(5);
      for (int v = 0; v < windowShopping; v++) {
        String l1 = rnd.nextDouble() < MAIN_CATEGORY_SHARE ? c.mainCategory() : weighted(rnd, affinity);
        add(out, c, popular(rnd, pick(rnd, Catalog.L2.get(l1))), VIEW,
            start + (long) (rnd.nextDouble() * span));
      }
    }

    private static void add(List<Interaction> out, Customer c, Product p, EventType type, long epochSecond) {
      out.add(Interaction.builder()
          .userId(c.id())
          .itemId(p.id())
          .eventType(type)
          .timestamp(Instant.ofEpochSecond(epochSecond))
          .build());
    }

    private Product popular(SplittableRandom rnd, String l2) {
      double[] cumulative = popularityByL2.get(l2);
      double x = rnd.nextDouble() * cumulative[cumulative.length - 1];
      int i = 0;
      while (cumulative[i] < x) {
        i++;
      }
      return byL2.get(l2).get(i);
    }

    private static String weighted(SplittableRandom rnd, Map<String, Double> weights) {
      double x = rnd.nextDouble();
      double acc = 0;
      String last = null;
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        acc += e.getValue();
        last = e.getKey();
        if (x < acc) {
          return last;
        }
      }
      return last;
    }

    private static <T> T pick(SplittableRandom rnd, List<T> values) {
      return values.get(rnd.nextInt(values.size()));
    }

    private static int[] shuffled(SplittableRandom rnd, int n) {
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
      }
      return a;
    }

    private static double[] cumulative(double[] weights) {
      double[] c = new double[weights.length];
      double acc = 0;
      for (int i = 0; i < weights.length; i++) {
        acc += weights[i];
        c[i] = acc;
      }
      return c;
    }
  }
}
