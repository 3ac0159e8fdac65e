package dev.personalize4j;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A product and its metadata (price, categories L1 to L3, creation time, description, custom
 * fields), as stored in an ECOMMERCE Items dataset.
 */
public final class Item {
  /** Field name of the price (ECOMMERCE required). */
  public static final String PRICE = "PRICE";
  /** Field name of the top-level category (ECOMMERCE required). */
  public static final String CATEGORY_L1 = "CATEGORY_L1";
  /** Field name of the second-level category. */
  public static final String CATEGORY_L2 = "CATEGORY_L2";
  /** Field name of the third-level category. */
  public static final String CATEGORY_L3 = "CATEGORY_L3";
  /** Field name of the creation time, in epoch seconds. */
  public static final String CREATION_TIMESTAMP = "CREATION_TIMESTAMP";
  /** Field name of the textual description. */
  public static final String PRODUCT_DESCRIPTION = "PRODUCT_DESCRIPTION";

  private final ItemId id;
  private final Map<String, AttributeValue> attributes;

  private Item(ItemId id, Map<String, AttributeValue> attributes) {
    this.id = id;
    this.attributes = attributes;
  }

  /** Returns an item with no metadata. */
  public static Item of(ItemId id) {
    return builder(id).build();
  }

  /** Returns a builder for the item {@code id}. */
  public static Builder builder(ItemId id) {
    return new Builder(id);
  }

  /** The item's id. */
  public ItemId id() {
    return id;
  }

  /** The metadata fields in insertion order, keyed by schema field name. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }

  /** The value of a field, if present. */
  public Optional<AttributeValue> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The price, if set. */
  public OptionalDouble price() {
    AttributeValue v = attributes.get(PRICE);
    return v instanceof AttributeValue.Numeric n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
  }

  /** The first value of CATEGORY_L1, if set. */
  public Optional<String> categoryL1() {
    return firstCategorical(CATEGORY_L1);
  }

  /** The first value of a categorical field, if set. */
  public Optional<String> firstCategorical(String name) {
    AttributeValue v = attributes.get(name);
    return v instanceof AttributeValue.Categorical c ? Optional.of(c.values().get(0)) : Optional.empty();
  }

  /** The creation time, if set. */
  public Optional<Instant> creationTime() {
    AttributeValue v = attributes.get(CREATION_TIMESTAMP);
    return v instanceof AttributeValue.Numeric n
        ? Optional.of(Instant.ofEpochSecond((long) n.value()))
        : Optional.empty();
  }

  /** The description, if set. */
  public Optional<String> description() {
    AttributeValue v = attributes.get(PRODUCT_DESCRIPTION);
    return v instanceof AttributeValue.Textual t ? Optional.of(t.text()) : Optional.empty();
  }

  /** Returns a builder initialised with this item's id and attributes. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.attributes.putAll(attributes);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Item i && id.equals(i.id) && attributes.equals(i.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, attributes);
  }

  @Override
  public String toString() {
    return "Item{id=" + id + ", attributes=" + attributes.keySet() + "}";
  }

  /** Builds an {@link Item}; every setter validates at once. */
  public static final class Builder {
    private final ItemId id;
    private final Attributes attributes = new Attributes("item", Limits.MAX_ITEM_ATTRIBUTES);

    private Builder(ItemId id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** Sets PRICE. */
    public Builder price(double price) {
      if (!(price >= 0) || Double.isInfinite(price)) {
        throw new IllegalArgumentException("price must be a finite number >= 0 but was " + price);
      }
      return attribute(PRICE, AttributeValue.numeric(price));
    }

    /** Sets CATEGORY_L1 (several values make it multi-valued). */
    public Builder categoryL1(String... values) {
      return attribute(CATEGORY_L1, AttributeValue.categorical(values));
    }

    /** Sets CATEGORY_L2. */
    public Builder categoryL2(String... values) {
      return attribute(CATEGORY_L2, AttributeValue.categorical(values));
    }

    /** Sets CATEGORY_L3. */
    public Builder categoryL3(String... values) {
      return attribute(CATEGORY_L3, AttributeValue.categorical(values));
    }

    /** Sets CREATION_TIMESTAMP, stored in epoch seconds. */
    public Builder creationTime(Instant time) {
      return attribute(CREATION_TIMESTAMP,
          AttributeValue.numeric(Objects.requireNonNull(time, "creationTime").getEpochSecond()));
    }

    /** Sets PRODUCT_DESCRIPTION, a textual field. */
    public Builder description(String text) {
      return attribute(PRODUCT_DESCRIPTION, AttributeValue.textual(text));
    }

    /** Sets a custom categorical field. */
    public Builder categorical(String name, String... values) {
      return attribute(name, AttributeValue.categorical(values));
    }

    /** Sets a custom numeric field. */
    public Builder numeric(String name, double value) {
      return attribute(name, AttributeValue.numeric(value));
    }

    /** Sets any field. */
    public Builder attribute(String name, AttributeValue value) {
      attributes.put(name, value);
      return this;
    }

    /** Returns the item. */
    public Item build() {
      return new Item(id, attributes.build());
    }
  }
}
