package dev.personalize4j.examples;

import dev.personalize4j.EventSink;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.Promotion;
import dev.personalize4j.RankingRequest;
import dev.personalize4j.RecommendationRequest;
import dev.personalize4j.Recommendations;
import dev.personalize4j.Recommender;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.aws.AwsPersonalizeStats;
import dev.personalize4j.examples.DemoResult.Figures;
import dev.personalize4j.examples.DemoResult.Shown;
import dev.personalize4j.examples.RetailData.Customer;
import dev.personalize4j.examples.RetailData.Product;
import dev.personalize4j.examples.RetailData.Segment;
import dev.personalize4j.testing.emulator.FaultType;
import dev.personalize4j.testing.emulator.PersonalizeEmulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The newcomer's tour of personalize4j on a generated retail shop: recommendations for an existing
 * customer, cold start for a new one, live events changing the answer, similar products, purchase
 * likelihood, business rules, and what the library did meanwhile. By default everything runs
 * in-process against the emulator; with {@code --aws} it runs against real Amazon Personalize.
 */
public final class RetailDemo {
  private static final int SHELF = 10;
  private static final int PRODUCT = 27;
  private static final int DEPT = 11;
  private static final int PRICE = -8;
  private static final int FLAKY_CALLS = 3;

  private final DemoOptions options;
  private final Screen screen;
  private final RetailData data;
  private final DemoBackend backend;
  private final Recommender recommender;

  private RetailDemo(DemoOptions options, Screen screen, RetailData data, DemoBackend backend) {
    this.options = options;
    this.screen = screen;
    this.data = data;
    this.backend = backend;
    this.recommender = backend.personalize.recommender();
  }

  /** Runs the demo; see {@link DemoOptions#USAGE} for the arguments. */
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    int write = arguments.indexOf("--write-csv");
    if (write >= 0) {
      if (write + 1 >= arguments.size()) {
        System.err.println("--write-csv needs a directory\n" + DemoOptions.USAGE);
        System.exit(2);
        return;
      }
      Path dir = Path.of(arguments.get(write + 1));
      arguments.subList(write, write + 2).clear();
      long seed = DemoOptions.parse(arguments, Map.of()).seed();
      RetailData.CsvFiles files = RetailData.generate(seed).writeCsv(dir);
      System.out.println("Wrote " + files.items() + ", " + files.users() + " and " + files.interactions());
      return;
    }
    DemoOptions options;
    try {
      options = DemoOptions.parse(arguments, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    run(options, System.out);
  }

  /**
   * Runs every section, printing to {@code out}, and returns what was shown.
   *
   * @throws dev.personalize4j.PersonalizeException if the backend fails in a way the library cannot
   *     absorb
   */
  public static DemoResult run(DemoOptions options, PrintStream out) {
    long start = System.nanoTime();
    Screen screen = new Screen(out);
    RetailData data = RetailData.generate(options.seed());
    screen.banner("personalize4j retail demo",
        String.format(Locale.ROOT, "Shop: %,d products in %d departments, %,d customers, %,d views and purchases"
            + " (seed %d)", data.products().size(), RetailData.categories().size(),
            data.customers().size(), data.interactions().size(), data.seed()));
    if (!options.aws()) {
      out.println();
      out.println("Setting up: an in-process Personalize emulator, then the pipeline as code (RetailPipeline)"
          + " with Provisioner:");
    }
    try (DemoBackend backend = options.aws() ? DemoBackend.aws(options, data) : DemoBackend.embedded(data, out)) {
      out.println();
      out.println("Backend: " + backend.description
          + (options.aws() ? "" : String.format(Locale.ROOT, " - ready in %.1f s", seconds(backend.setupTime))));
      return new RetailDemo(options, screen, data, backend).sections(start);
    }
  }

  private DemoResult sections(long start) {
    Customer customer = pickCustomer();
    UserId customerId = customer.id();

    // 1. An existing customer.
    List<Shown> purchases = data.history(customerId, RetailData.PURCHASE).stream()
        .map(i -> Shown.of(i.itemId(), data)).distinct().limit(8).toList();
    Timed<Recommendations> first = timed(() -> recommender.forUser(customerId, RecommendationRequest.ofLimit(SHELF)));
    Timed<Recommendations> again = timed(() -> recommender.forUser(customerId, RecommendationRequest.ofLimit(SHELF)));
    List<Shown> forCustomer = Shown.all(first.value, data);
    section1(customer, purchases, forCustomer, first, again);

    // 2. A brand-new customer known only by demographics.
    User newcomer = User.builder(UserId.of(newCustomerId()))
        .numeric(RetailData.AGE, 41)
        .categorical(RetailData.GENDER, "M")
        .categorical(RetailData.MEMBERSHIP, "Silver")
        .build();
    Optional<Segment> segment = Segment.of(newcomer);
    boolean upserted = backend.canUpsertUsers;
    if (upserted) {
      backend.personalize.catalog().upsertUser(newcomer);
    }
    Recommendations coldRecs = recommender.forUser(newcomer.id(), RecommendationRequest.ofLimit(SHELF));
    List<Shown> cold = Shown.all(coldRecs, data);
    section2(newcomer, segment, upserted, cold);

    // 3. The same customer right after a few live events.
    List<Shown> events = List.of();
    List<Shown> after = List.of();
    if (backend.canRecordEvents(options)) {
      List<Interaction> live = liveEvents(newcomer.id(), coldRecs);
      EventSink sink = backend.personalize.eventSink();
      Timed<Void> flushed = timed(() -> {
        live.forEach(sink::record);
        sink.flush();
        return null;
      });
      events = live.stream().map(i -> Shown.of(i.itemId(), data)).toList();
      after = Shown.all(recommender.forUser(newcomer.id(), RecommendationRequest.ofLimit(SHELF)), data);
      section3(live, flushed, cold, after);
    } else {
      screen.section(3, "Live events change the answer", "skipped: needs --tracking-id (the event tracker)");
    }

    // 4. Similar products.
    Product anchor = bestSellingAnchor("Tents");
    List<Shown> similar = List.of();
    if (backend.canFindSimilar) {
      similar = Shown.all(recommender.similarTo(anchor.id(), RecommendationRequest.ofLimit(8)), data);
      section4(anchor, similar);
    } else {
      screen.section(4, "Similar products", "skipped: needs --similar-items-arn");
    }

    // 5. Purchase likelihood: the mission's question.
    List<Shown> ranked = List.of();
    if (backend.canRank) {
      List<ItemId> candidates = candidates(customer);
      ranked = Shown.all(recommender.rank(RankingRequest.of(customerId, candidates)), data);
      section5(customer, ranked);
    } else {
      screen.section(5, "How likely is this customer to buy each of these?", "skipped: needs --ranking-arn");
    }

    // 6. Business rules.
    List<Shown> excluded = List.of();
    List<Shown> inCategory = List.of();
    List<Shown> promoted = List.of();
    Optional<String> onlyCategory = Optional.empty();
    Set<ItemId> bought = data.history(customerId, RetailData.PURCHASE).stream()
        .map(Interaction::itemId).collect(Collectors.toSet());
    String promoCategory = leastBoughtCategory(customerId);
    boolean hasExclude = backend.filters.contains(RetailPipeline.EXCLUDE_PURCHASED);
    boolean hasCategory = backend.filters.contains(RetailPipeline.IN_CATEGORY);
    if (hasExclude) {
      excluded = Shown.all(recommender.forUser(customerId, RecommendationRequest.builder()
          .limit(SHELF).filter(RetailPipeline.EXCLUDE_PURCHASED).build()), data);
    }
    if (hasCategory) {
      onlyCategory = Optional.of(secondCategory(customer));
      inCategory = Shown.all(recommender.forUser(customerId, RecommendationRequest.builder()
          .limit(6).filter(RetailPipeline.IN_CATEGORY, RetailPipeline.CATEGORY_PARAMETER, onlyCategory.get())
          .build()), data);
      promoted = Shown.all(recommender.forUser(customerId, RecommendationRequest.builder()
          .limit(SHELF)
          .promotion(new Promotion("spotlight-" + promoCategory.toLowerCase(Locale.ROOT), 30,
              RetailPipeline.IN_CATEGORY, Map.of(RetailPipeline.CATEGORY_PARAMETER, List.of(promoCategory))))
          .build()), data);
    }
    section6(customer, bought, forCustomer, excluded, hasExclude, onlyCategory, inCategory, promoCategory, promoted);

    // 7. What the library did (in embedded mode after a flaky backend and an outage, printed as they happen).
    screen.section(7, "What the library did during this run",
        "AwsPersonalize.stats()" + (backend.emulator.isPresent() ? " and the emulator's request counts" : ""));
    backend.emulator.ifPresent(e -> resilienceMoment(e, customerId));
    AwsPersonalizeStats stats = backend.personalize.stats();
    Map<String, Integer> emulatorRequests = backend.emulatorRequests();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Figures figures = new Figures(stats.cacheHits(), stats.cacheMisses(), stats.backendCalls(), stats.retries(),
        stats.staleServed(), stats.fallbackServed(), stats.eventsRecorded(), stats.eventsDelivered(),
        stats.usersUpserted(), emulatorRequests, elapsed);
    section7(stats, figures);

    return new DemoResult(customerId, purchases, forCustomer, newcomer, segment, cold, events, after,
        Shown.of(anchor.id(), data), similar, ranked, forCustomer, excluded, onlyCategory, inCategory, promoted,
        figures);
  }

  // ---------------------------------------------------------------- sections

  private void section1(Customer c, List<Shown> purchases, List<Shown> recs, Timed<Recommendations> first,
      Timed<Recommendations> again) {
    Map<String, Long> bought = data.purchasesByCategory(c.id());
    screen.section(1, "An existing customer: what they bought, what we recommend",
        c.id() + " - " + describe(c) + " - " + (bought.isEmpty() ? "purchases unknown to the generated data"
            : data.history(c.id(), RetailData.PURCHASE).size() + " purchases, " + bought.values().iterator().next()
                + " of them in " + bought.keySet().iterator().next()),
        "recommender.forUser(UserId.of(\"" + c.id() + "\"), RecommendationRequest.ofLimit(" + SHELF + "))");
    List<String> left = Screen.table(List.of("Recent purchases", "Dept", "Price"),
        new int[] {PRODUCT, DEPT, PRICE}, purchases.stream().map(s -> List.of(s.name(), s.category(), price(s))).toList());
    List<String> right = numbered("Top recommendations", recs, false);
    screen.lines(Screen.sideBySide(left, 50, right));
    screen.blank();
    screen.line("Recommended departments: " + mix(recs) + "   (customer buys: " + counts(bought) + ")");
    screen.line(String.format(Locale.ROOT, "First answer %s in %.1f ms; asked again: %s in %.2f ms.",
        first.value.source(), millis(first.nanos), again.value.source(), millis(again.nanos)));
  }

  private void section2(User newcomer, Optional<Segment> segment, boolean upserted, List<Shown> recs) {
    String who = newcomer.id() + " - " + describe(newcomer) + " - no purchases, no views";
    screen.section(2, "A brand-new customer, known only by demographics (cold start)", who,
        upserted ? "catalog().upsertUser(user), then recommender.forUser(...)"
            : "not upserted (no --users-dataset-arn): Personalize answers from popularity");
    screen.lines(numbered("Recommended", recs, false));
    screen.blank();
    segment.ifPresent(s -> {
      List<String> favoured = RetailData.favouredCategories(s);
      long matching = recs.stream().filter(r -> favoured.contains(r.category())).count();
      screen.line("In the shop data " + s + " favour " + String.join(" and ", favoured) + ": "
          + matching + " of these " + recs.size() + " are " + String.join(" or ", favoured) + ".");
    });
    screen.line("Departments: " + mix(recs));
  }

  private void section3(List<Interaction> live, Timed<Void> flushed, List<Shown> before, List<Shown> after) {
    screen.section(3, "The same customer, right after a few live events",
        "eventSink().record(...) x " + live.size() + ", flush(), then forUser(...) again");
    List<List<String>> rows = new ArrayList<>();
    for (Interaction i : live) {
      Shown s = Shown.of(i.itemId(), data);
      rows.add(List.of(i.eventType().name(), s.name(), s.category(), price(s),
          i.recommendationId().isPresent() ? "attributed to the shelf" : ""));
    }
    screen.lines(Screen.table(List.of("Event", "Product", "Dept", "Price", ""), new int[] {8, PRODUCT, DEPT, PRICE, 24},
        rows));
    screen.line(String.format(Locale.ROOT, "Recorded and flushed (delivered to PutEvents) in %.0f ms.",
        millis(flushed.nanos)));
    screen.blank();
    screen.lines(Screen.sideBySide(numbered("Before", before, true), 50, numbered("After", after, true)));
    screen.blank();
    String hot = live.isEmpty() ? "?" : Shown.of(live.get(0).itemId(), data).category();
    screen.line(String.format(Locale.ROOT, "%s in the top %d: %d before, %d after.   Before: %s   After: %s",
        hot, SHELF, count(before, hot), count(after, hot), mix(before), mix(after)));
  }

  private void section4(Product anchor, List<Shown> similar) {
    Set<ItemId> companions = data.coPurchases().stream()
        .filter(p -> p.anchor().equals(anchor.id())).map(RetailData.CoPurchase::companion).collect(Collectors.toSet());
    screen.section(4, "Similar products",
        "recommender.similarTo(" + anchor.id() + ")  -  " + anchor.name() + " (" + anchor.categoryL1() + " / "
            + anchor.categoryL2() + ", " + Screen.money(anchor.price()) + ")");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < similar.size(); i++) {
      Shown s = similar.get(i);
      rows.add(List.of(Integer.toString(i + 1), s.name(),
          s.product().map(p -> p.categoryL1() + " / " + p.categoryL2()).orElse("?"), price(s),
          companions.contains(s.id()) ? "<- bought together in the data" : ""));
    }
    screen.lines(Screen.table(List.of("#", "Product", "Dept / sub-category", "Price", ""),
        new int[] {-2, PRODUCT, 26, PRICE, 30}, rows));
  }

  private void section5(Customer c, List<Shown> ranked) {
    screen.section(5, "How likely is " + c.id() + " to buy each of these?",
        "recommender.rank(user, candidates) - scores are shares of likelihood and sum to 100 %",
        data.purchasesByCategory(c.id()).keySet().stream().findFirst().map(m -> c.id() + " buys mostly " + m)
            .orElse(c.id() + " is not in the generated data"));
    double max = ranked.stream().mapToDouble(s -> s.score().orElse(0)).max().orElse(0);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      Shown s = ranked.get(i);
      double score = s.score().orElse(0);
      rows.add(List.of(Integer.toString(i + 1), s.name(), s.category(), price(s),
          s.score().isPresent() ? Screen.percent(score) : "-", Screen.bar(score, max, 20)));
    }
    screen.lines(Screen.table(List.of("#", "Candidate", "Dept", "Price", "Likely", ""),
        new int[] {-2, PRODUCT, DEPT, PRICE, -7, 20}, rows));
  }

  private void section6(Customer c, Set<ItemId> bought, List<Shown> unfiltered, List<Shown> excluded,
      boolean hasExclude, Optional<String> onlyCategory, List<Shown> inCategory, String promoCategory,
      List<Shown> promoted) {
    screen.section(6, "Business rules: filters and a promotion",
        "filters are Personalize filter expressions, referenced by name in the request");
    if (hasExclude) {
      screen.line("a) filter \"" + RetailPipeline.EXCLUDE_PURCHASED + "\":  EXCLUDE ItemID WHERE"
          + " Interactions.EVENT_TYPE IN (\"Purchase\")   (* = already bought by " + c.id() + ")");
      screen.blank();
      screen.lines(Screen.sideBySide(marked("No filter", unfiltered, bought), 50,
          marked("exclude-purchased", excluded, bought)));
      screen.line(String.format(Locale.ROOT, "Already bought in the top %d: %d without the filter, %d with it.",
          SHELF, unfiltered.stream().filter(s -> bought.contains(s.id())).count(),
          excluded.stream().filter(s -> bought.contains(s.id())).count()));
    } else {
      screen.line("a) skipped: no filter named " + RetailPipeline.EXCLUDE_PURCHASED + " (--filter name=arn)");
    }
    screen.blank();
    if (onlyCategory.isPresent()) {
      screen.line("b) filter \"" + RetailPipeline.IN_CATEGORY + "\" with CATEGORY=" + onlyCategory.get()
          + ":  INCLUDE ItemID WHERE Items.CATEGORY_L1 IN ($CATEGORY)");
      screen.blank();
      screen.lines(numbered("Only " + onlyCategory.get(), inCategory, false));
      screen.blank();
      long promotedCount = promoted.stream().filter(s -> s.promotion().isPresent()).count();
      screen.line("c) promotion: 30 % of the list from " + promoCategory + " (a department " + c.id()
          + " rarely buys from) - " + promotedCount + " of " + promoted.size() + " slots promoted");
      screen.blank();
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < promoted.size(); i++) {
        Shown s = promoted.get(i);
        rows.add(List.of(Integer.toString(i + 1), s.name(), s.category(), price(s),
            s.promotion().map(p -> "<- promoted (" + p + ")").orElse("")));
      }
      screen.lines(Screen.table(List.of("#", "With the promotion", "Dept", "Price", ""),
          new int[] {-2, PRODUCT, DEPT, PRICE, 36}, rows));
    } else {
      screen.line("b), c) skipped: no filter named " + RetailPipeline.IN_CATEGORY + " (--filter name=arn)");
    }
  }

  private void section7(AwsPersonalizeStats stats, Figures figures) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Cache", "hits " + stats.cacheHits() + ", misses " + stats.cacheMisses()
        + ", entries " + stats.cacheSize()));
    rows.add(List.of("Backend calls", stats.backendCalls().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    rows.add(List.of("Retries", Long.toString(stats.retries())));
    rows.add(List.of("Degraded answers", "stale " + stats.staleServed() + ", fallback " + stats.fallbackServed()
        + ", empty " + stats.emptyServed()));
    rows.add(List.of("Events", "recorded " + stats.eventsRecorded() + ", delivered " + stats.eventsDelivered()
        + ", retried " + stats.eventsRetried() + ", dead-lettered " + stats.eventsDeadLettered()));
    rows.add(List.of("Catalog", "users upserted " + stats.usersUpserted() + ", items upserted "
        + stats.itemsUpserted()));
    if (!figures.emulatorRequests().isEmpty()) {
      int total = figures.emulatorRequests().values().stream().mapToInt(Integer::intValue).sum();
      rows.add(List.of("Emulator received", total + " requests: " + figures.emulatorRequests().entrySet().stream()
          .sorted(DemoBackend.byCountThenName()).limit(3)
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ", ..."));
    }
    rows.add(List.of("Run time", String.format(Locale.ROOT, "%.1f s", seconds(figures.elapsed()))));
    for (List<String> row : rows) {
      screen.line(Screen.fit(row.get(0), 18) + row.get(1));
    }
    screen.blank();
    screen.line(options.aws() ? "Done." : "Done. Run it against your own AWS resources with --aws (see README).");
  }

  // ---------------------------------------------------------------- resilience (embedded only)

  /** Injects a flaky backend, then an outage, into the emulator and prints how the library coped. */
  private void resilienceMoment(PersonalizeEmulator emulator, UserId customer) {
    long retriesBefore = backend.personalize.stats().retries();
    Map<String, Long> sources = new LinkedHashMap<>();
    List<Customer> others = data.customers().stream().filter(c -> !c.id().equals(customer)).skip(100)
        .limit(FLAKY_CALLS).toList();
    for (Customer c : others) {
      emulator.faults().failNextCalls("GetRecommendations", 1, FaultType.SERVER_ERROR);
      Recommendations r = recommender.forUser(c.id(), RecommendationRequest.ofLimit(SHELF));
      sources.merge(r.source().name(), 1L, Long::sum);
    }
    emulator.faults().clear();
    long retries = backend.personalize.stats().retries() - retriesBefore;
    screen.line("A flaky backend (the emulator fails each call's first attempt with a 5xx), " + others.size()
        + " customers asked:");
    screen.line("    answers: " + counts(sources) + "; " + retries + " retries absorbed the failures.");
    screen.line("An outage (every GetRecommendations call fails; the library logs one WARN per endpoint a minute):");
    Recommendations.Source known;
    Recommendations.Source unknown;
    emulator.faults().outage("GetRecommendations");
    try {
      known = recommender.forUser(customer, RecommendationRequest.ofLimit(SHELF)).source();
      unknown = recommender.forUser(UserId.of("never-seen-visitor"), RecommendationRequest.ofLimit(SHELF)).source();
    } finally {
      emulator.faults().endOutage();
    }
    screen.line("    customer seen before -> " + known + ";  never seen -> " + unknown
        + " (best sellers, the configured fallback)");
    screen.blank();
  }

  // ---------------------------------------------------------------- choices from the data

  /** The customer to show: as configured, else the first whose purchases clearly favour one department. */
  private Customer pickCustomer() {
    if (options.customer().isPresent()) {
      UserId id = UserId.of(options.customer().get());
      return data.customer(id).orElseGet(() -> new Customer(id, 0, "?", "?", "?"));
    }
    for (Customer c : data.customers()) {
      int purchases = data.history(c.id(), RetailData.PURCHASE).size();
      Map<String, Long> byCategory = data.purchasesByCategory(c.id());
      if (byCategory.isEmpty()) {
        continue;
      }
      Map.Entry<String, Long> top = byCategory.entrySet().iterator().next();
      if (purchases >= 8 && top.getValue() * 10 >= purchases * 6L && top.getKey().equals(c.mainCategory())) {
        return c;
      }
    }
    return data.customers().get(0);
  }

  private String newCustomerId() {
    return options.aws() ? "demo-newcomer-" + System.currentTimeMillis() : "newcomer-1";
  }

  /** A phone, then the case bought with it in the data, and headphones: a clear Electronics signal. */
  private List<Interaction> liveEvents(UserId user, Recommendations shown) {
    Product phone = bestSellingAnchor("Phones");
    Product phoneCase = data.coPurchases().stream().filter(p -> p.anchor().equals(phone.id())).findFirst()
        .flatMap(p -> data.product(p.companion())).orElseThrow();
    Product headphones = bestSelling("Headphones");
    return List.of(
        Interaction.of(user, phone.id(), EventType.VIEW).attributedTo(shown),
        Interaction.of(user, headphones.id(), EventType.VIEW),
        Interaction.of(user, phone.id(), EventType.PURCHASE),
        Interaction.of(user, phoneCase.id(), EventType.VIEW),
        Interaction.of(user, phoneCase.id(), EventType.PURCHASE));
  }

  private Product bestSellingAnchor(String categoryL2) {
    Set<ItemId> anchors = data.coPurchases().stream().map(RetailData.CoPurchase::anchor).collect(Collectors.toSet());
    return bestSelling(categoryL2, p -> anchors.contains(p.id()));
  }

  private Product bestSelling(String categoryL2) {
    return bestSelling(categoryL2, p -> true);
  }

  private Product bestSelling(String categoryL2, java.util.function.Predicate<Product> condition) {
    Map<ItemId, Long> sold = purchaseCounts();
    return data.products().stream()
        .filter(p -> p.categoryL2().equals(categoryL2) && condition.test(p))
        .max(Comparator.comparing((Product p) -> sold.getOrDefault(p.id(), 0L))
            .thenComparing(p -> p.id().value(), Comparator.reverseOrder()))
        .orElseThrow();
  }

  private Map<ItemId, Long> purchaseCounts() {
    Map<ItemId, Long> sold = new HashMap<>();
    data.interactions().stream().filter(i -> i.eventType().equals(RetailData.PURCHASE))
        .forEach(i -> sold.merge(i.itemId(), 1L, Long::sum));
    return sold;
  }

  /**
   * Eight candidates: the two best sellers of the customer's main department, the best seller of the
   * companion sub-category of something they bought (if any), and best sellers of other departments.
   */
  private List<ItemId> candidates(Customer c) {
    Map<String, Long> bought = data.purchasesByCategory(c.id());
    String main = bought.isEmpty() ? RetailData.categories().get(0) : bought.keySet().iterator().next();
    Map<ItemId, Long> sold = purchaseCounts();
    Set<ItemId> purchased = data.history(c.id(), RetailData.PURCHASE).stream().map(Interaction::itemId)
        .collect(Collectors.toSet());
    LinkedHashSet<ItemId> out = new LinkedHashSet<>();
    data.products().stream()
        .filter(p -> p.categoryL1().equals(main) && !purchased.contains(p.id()))
        .sorted(Comparator.comparing((Product p) -> -sold.getOrDefault(p.id(), 0L)).thenComparing(p -> p.id().value()))
        .limit(2)
        .forEach(p -> out.add(p.id()));
    for (String other : RetailData.categories()) {
      if (out.size() >= 8) {
        break;
      }
      if (!other.equals(main)) {
        out.add(bestSelling(RetailData.subCategories(other).get(0)).id());
      }
    }
    List<ItemId> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparing(ItemId::value));
    return sorted;
  }

  private String secondCategory(Customer c) {
    List<String> bought = new ArrayList<>(data.purchasesByCategory(c.id()).keySet());
    if (bought.size() >= 2) {
      return bought.get(1);
    }
    return RetailData.categories().stream().filter(x -> !bought.contains(x)).findFirst().orElseThrow();
  }

  private String leastBoughtCategory(UserId user) {
    Map<String, Long> bought = data.purchasesByCategory(user);
    return RetailData.categories().stream()
        .min(Comparator.comparing((String x) -> bought.getOrDefault(x, 0L)))
        .orElseThrow();
  }

  // ---------------------------------------------------------------- formatting

  private List<String> numbered(String title, List<Shown> shown, boolean compact) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Shown s = shown.get(i);
      rows.add(compact
          ? List.of(Integer.toString(i + 1), s.name(), s.category())
          : List.of(Integer.toString(i + 1), s.name(), s.category(), price(s)));
    }
    return compact
        ? Screen.table(List.of("#", title, "Dept"), new int[] {-2, PRODUCT, DEPT}, rows)
        : Screen.table(List.of("#", title, "Dept", "Price"), new int[] {-2, PRODUCT, DEPT, PRICE}, rows);
  }

  private List<String> marked(String title, List<Shown> shown, Set<ItemId> bought) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Shown s = shown.get(i);
      rows.add(List.of(Integer.toString(i + 1), (bought.contains(s.id()) ? "* " : "  ") + s.name(), s.category()));
    }
    return Screen.table(List.of("#", title, "Dept"), new int[] {-2, PRODUCT + 2, DEPT}, rows);
  }

  private static String price(Shown s) {
    return s.product().map(p -> Screen.money(p.price())).orElse("");
  }

  private static String mix(List<Shown> shown) {
    return counts(DemoResult.byCategory(shown));
  }

  private static String counts(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "unknown";
    }
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static long count(List<Shown> shown, String category) {
    return shown.stream().filter(s -> s.category().equals(category)).count();
  }

  private static String describe(Customer c) {
    if (c.age() == 0) {
      return "not in the generated shop data";
    }
    return ("F".equals(c.gender()) ? "woman, " : "man, ") + c.age() + ", " + c.membership() + " member";
  }

  private static String describe(User u) {
    return ("F".equals(u.categorical(RetailData.GENDER).orElse("?")) ? "woman" : "man") + ", "
        + (int) u.numeric(RetailData.AGE).orElse(0) + ", " + u.categorical(RetailData.MEMBERSHIP).orElse("?")
        + " member";
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private record Timed<T>(T value, long nanos) {}

  private static <T> Timed<T> timed(Supplier<T> call) {
    long t0 = System.nanoTime();
    T value = call.get();
    return new Timed<>(value, System.nanoTime() - t0);
  }
}
