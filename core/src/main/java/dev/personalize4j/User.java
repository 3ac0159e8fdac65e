package dev.personalize4j;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A customer and their metadata (e.g. AGE, GENDER, MEMBERSHIP), as stored in a Users dataset.
 * {@link #toString()} never prints attribute values.
 */
public final class User {
  private final UserId id;
  private final Map<String, AttributeValue> attributes;

  private User(UserId id, Map<String, AttributeValue> attributes) {
    this.id = id;
    this.attributes = attributes;
  }

  /** Returns a user with no metadata. */
  public static User of(UserId id) {
    return builder(id).build();
  }

  /** Returns a builder for the user {@code id}. */
  public static Builder builder(UserId id) {
    return new Builder(id);
  }

  /** The user's id. */
  public UserId id() {
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

  /** The first categorical value of a field, if present. */
  public Optional<String> categorical(String name) {
    return attribute(name)
        .filter(AttributeValue.Categorical.class::isInstance)
        .map(v -> ((AttributeValue.Categorical) v).values().get(0));
  }

  /** The numeric value of a field, if present. */
  public OptionalDouble numeric(String name) {
    AttributeValue v = attributes.get(name);
    return v instanceof AttributeValue.Numeric n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
  }

  /** Returns a builder initialised with this user's id and attributes. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.attributes.putAll(attributes);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User u && id.equals(u.id) && attributes.equals(u.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, attributes);
  }

  /** Prints the id and attribute names only; values are redacted. */
  @Override
  public String toString() {
    return "User{id=" + id + ", attributes=" + attributes.keySet() + " (values redacted)}";
  }

  /** Builds a {@link User}; every setter validates at once. */
  public static final class Builder {
    private final UserId id;
    private final Attributes attributes = new Attributes("user", Limits.MAX_USER_ATTRIBUTES);

    private Builder(UserId id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** Sets a categorical field (e.g. {@code GENDER}); several values make it multi-valued. */
    public Builder categorical(String name, String... values) {
      attributes.put(name, AttributeValue.categorical(values));
      return this;
    }

    /** Sets a numeric field (e.g. {@code AGE}). */
    public Builder numeric(String name, double value) {
      attributes.put(name, AttributeValue.numeric(value));
      return this;
    }

    /** Sets any field. */
    public Builder attribute(String name, AttributeValue value) {
      attributes.put(name, value);
      return this;
    }

    /** Returns the user. */
    public User build() {
      return new User(id, attributes.build());
    }
  }
}
