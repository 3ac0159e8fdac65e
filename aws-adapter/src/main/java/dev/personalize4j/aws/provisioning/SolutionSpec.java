package dev.personalize4j.aws.provisioning;

import dev.personalize4j.EventType;
import dev.personalize4j.aws.provisioning.internal.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared custom solution: its recipe and training options. {@link Provisioner} creates it and
 * trains one solution version, which its campaigns serve.
 */
public final class SolutionSpec {
  private final String name;
  private final Recipe recipe;
  private final Optional<String> eventType;
  private final boolean autoTraining;
  private final int autoTrainingIntervalDays;
  private final boolean hpo;

  private SolutionSpec(Builder b) {
    this.name = b.name;
    this.recipe = b.recipe;
    this.eventType = b.eventType;
    this.autoTraining = b.autoTraining;
    this.autoTrainingIntervalDays = b.autoTrainingIntervalDays;
    this.hpo = b.hpo;
  }

  /** Returns a solution with default options: no event-type filter, no auto-training, no HPO. */
  public static SolutionSpec of(String name, Recipe recipe) {
    return builder(name, recipe).build();
  }

  /** Returns a builder for the solution {@code name} trained with {@code recipe}. */
  public static Builder builder(String name, Recipe recipe) {
    return new Builder(name, recipe);
  }

  /** The solution name. */
  public String name() {
    return name;
  }

  /** The recipe. */
  public Recipe recipe() {
    return recipe;
  }

  /** The only event type trained on, if any (e.g. {@code Purchase}). */
  public Optional<String> eventType() {
    return eventType;
  }

  /** Whether Personalize retrains automatically on a schedule (off unless enabled). */
  public boolean autoTraining() {
    return autoTraining;
  }

  /** Days between automatic trainings, 1 to 30 (default 7); used only with {@link #autoTraining()}. */
  public int autoTrainingIntervalDays() {
    return autoTrainingIntervalDays;
  }

  /** Whether hyperparameter optimisation runs (off unless enabled; it multiplies training cost). */
  public boolean hpo() {
    return hpo;
  }

  @Override
  public String toString() {
    return "solution " + name + " (" + recipe + eventType.map(e -> ", eventType " + e).orElse("") + ")";
  }

  /** Builds a {@link SolutionSpec}; setters validate at once. */
  public static final class Builder {
    private final String name;
    private final Recipe recipe;
    private Optional<String> eventType = Optional.empty();
    private boolean autoTraining;
    private int autoTrainingIntervalDays = 7;
    private boolean hpo;

    private Builder(String name, Recipe recipe) {
      this.name = Names.validate("solution name", name);
      this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    /** Trains only on events of {@code type}. */
    public Builder eventType(EventType type) {
      this.eventType = Optional.of(type.name());
      return this;
    }

    /** Trains only on events of the type called {@code name}. */
    public Builder eventType(String name) {
      return eventType(EventType.of(name));
    }

    /** Turns scheduled automatic retraining on or off (off by default). */
    public Builder autoTraining(boolean enabled) {
      this.autoTraining = enabled;
      return this;
    }

    /** Sets the days between automatic trainings, 1 to 30, and turns auto-training on. */
    public Builder autoTrainingIntervalDays(int days) {
      if (days < 1 || days > 30) {
        throw new IllegalArgumentException(
            "autoTrainingIntervalDays of solution " + name + " must be between 1 and 30 but was " + days);
      }
      this.autoTrainingIntervalDays = days;
      this.autoTraining = true;
      return this;
    }

    /**
     * Turns hyperparameter optimisation on or off (off by default).
     *
     * @throws IllegalArgumentException if the recipe has no hyperparameters to tune
     */
    public Builder hpo(boolean enabled) {
      if (enabled && !recipe.supportsHpo()) {
        throw new IllegalArgumentException(
            "hpo of solution " + name + " must be off: recipe " + recipe + " has no hyperparameters to tune");
      }
      this.hpo = enabled;
      return this;
    }

    /** Returns the solution. */
    public SolutionSpec build() {
      return new SolutionSpec(this);
    }
  }
}
