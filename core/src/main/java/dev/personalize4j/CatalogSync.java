package dev.personalize4j;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps Personalize's Items and Users datasets in step with the application's catalogue and
 * customers: single upserts for changes, and a bulk path for whole catalogues.
 */
public interface CatalogSync {

  /** Inserts or replaces one item. */
  default void upsertItem(Item item) {
    upsertItems(List.of(item));
  }

  /** Inserts or replaces items, batched as the backend requires. */
  void upsertItems(Collection<Item> items);

  /** Inserts or replaces one user. */
  default void upsertUser(User user) {
    upsertUsers(List.of(user));
  }

  /** Inserts or replaces users, batched as the backend requires. */
  void upsertUsers(Collection<User> users);

  /**
   * Loads any number of items in constant memory (e.g. through a bulk import job) and waits for
   * the load to finish.
   *
   * @return how many items were loaded
   */
  long bulkLoadItems(Stream<Item> items);

  /** Loads any number of users in constant memory and waits for the load to finish. */
  long bulkLoadUsers(Stream<User> users);
}
