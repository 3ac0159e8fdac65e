package dev.personalize4j.testing.contract;

import dev.personalize4j.CatalogSync;
import dev.personalize4j.Item;
import dev.personalize4j.ItemId;
import dev.personalize4j.User;
import dev.personalize4j.UserId;
import dev.personalize4j.testing.InMemoryPersonalize;
import java.util.Optional;

class InMemoryCatalogSyncContractTest extends CatalogSyncContract {
  private InMemoryPersonalize personalize;

  @Override
  protected CatalogSync createCatalog() {
    personalize = InMemoryPersonalize.create();
    return personalize.catalog();
  }

  @Override
  protected Optional<Item> storedItem(ItemId id) {
    return personalize.storedItem(id);
  }

  @Override
  protected Optional<User> storedUser(UserId id) {
    return personalize.storedUser(id);
  }
}
