package dev.personalize4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The default methods of {@link EventSink}, {@link CatalogSync} and {@link Ticker}. */
class DefaultMethodsTest {

  private static final class ListSink implements EventSink {
    final List<Interaction> recorded = new ArrayList<>();

    @Override
    public void record(Interaction interaction) {
      if (interaction.itemId().value().equals("poison")) {
        throw new ServiceUnavailableException("buffer full");
      }
      recorded.add(interaction);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static final class ListCatalog implements CatalogSync {
    final List<List<Item>> itemCalls = new ArrayList<>();
    final List<List<User>> userCalls = new ArrayList<>();

    @Override
    public void upsertItems(Collection<Item> items) {
      itemCalls.add(List.copyOf(items));
    }

    @Override
    public void upsertUsers(Collection<User> users) {
      userCalls.add(List.copyOf(users));
    }

    @Override
    public long bulkLoadItems(Stream<Item> items) {
      return items.count();
    }

    @Override
    public long bulkLoadUsers(Stream<User> users) {
      return users.count();
    }
  }

  private static Interaction view(String item) {
    return Interaction.of(UserId.of("u1"), ItemId.of(item), EventType.VIEW);
  }

  @Test
  void recordAllRecordsInOrder() {
    ListSink sink = new ListSink();
    sink.recordAll(List.of(view("a"), view("b"), view("c")));
    assertThat(sink.recorded).extracting(i -> i.itemId().value()).containsExactly("a", "b", "c");
  }

  @Test
  void recordAllStopsAtTheFirstFailure() {
    ListSink sink = new ListSink();
    assertThatThrownBy(() -> sink.recordAll(List.of(view("a"), view("poison"), view("c"))))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(sink.recorded).extracting(i -> i.itemId().value()).containsExactly("a");
  }

  @Test
  void singleUpsertsDelegateToTheBatchMethods() {
    ListCatalog catalog = new ListCatalog();
    Item item = Item.builder(ItemId.of("i1")).price(1).build();
    User user = User.of(UserId.of("u1"));
    catalog.upsertItem(item);
    catalog.upsertUser(user);
    assertThat(catalog.itemCalls).containsExactly(List.of(item));
    assertThat(catalog.userCalls).containsExactly(List.of(user));
  }

  @Test
  void systemTickerNeverGoesBackwards() {
    Ticker ticker = Ticker.system();
    long first = ticker.read();
    assertThat(ticker.read()).isGreaterThanOrEqualTo(first);
  }
}
