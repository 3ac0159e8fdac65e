package dev.personalize4j.aws.provisioning;

import dev.personalize4j.aws.provisioning.internal.Names;
import java.util.Locale;
import java.util.Objects;

/**
 * A declared named filter.
 *
 * @param name the filter name, used in recommendation requests
 * @param expression the filter expression, e.g. {@code EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("Purchase")}
 */
public record FilterSpec(String name, String expression) {
  /** Maximum length of a filter expression. */
  public static final int MAX_EXPRESSION_LENGTH = 2500;

  /** Validates the name and the expression's length and leading INCLUDE/EXCLUDE. */
  public FilterSpec {
    Names.validate("filter name", name);
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank() || expression.length() > MAX_EXPRESSION_LENGTH) {
      throw new IllegalArgumentException("expression of filter " + name + " must be 1 to "
          + MAX_EXPRESSION_LENGTH + " characters but was " + expression.length());
    }
    String head = expression.stripLeading().toUpperCase(Locale.ROOT);
    if (!head.startsWith("INCLUDE ") && !head.startsWith("EXCLUDE ")) {
      throw new IllegalArgumentException("expression of filter " + name
          + " must start with INCLUDE or EXCLUDE but was '" + expression + "'");
    }
  }
}
