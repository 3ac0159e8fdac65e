package dev.personalize4j.testing.internal;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parsed Personalize filter expression (grammar: personalize-api.md §C.6), e.g. {@code EXCLUDE
 * ItemID WHERE Interactions.EVENT_TYPE IN ("Purchase")}.
 *
 * <p>Supported: {@code INCLUDE|EXCLUDE ItemID WHERE} conditions on {@code Items.<FIELD>} ({@code
 * IN}, {@code NOT IN}, {@code = < <= > >= !=}) or on {@code Interactions.EVENT_TYPE IN (…)}
 * (case-insensitive, {@code "*"} for any type, the 100 most recent events per type), combined with
 * {@code AND}/{@code OR} and parentheses within one dataset; {@code CurrentItem.<FIELD>} as a value;
 * {@code $PARAM} placeholders; {@code |} chains (includes are united, excludes subtracted). An
 * {@code Items} field the item lacks never matches {@code IN} or a comparison and always matches
 * {@code NOT IN}. Keywords and dataset names are case-insensitive; a field name matches exactly, else
 * ignoring case; values match exactly except event types. Not supported: {@code IF CurrentUser…}, {@code UserID}/{@code ActionID} targets and
 * the Users and Actions datasets.
 */
public final class FilterExpression {
  /** Personalize's maximum filter expression length. */
  public static final int MAX_LENGTH = 2500;
  /** Personalize's maximum number of distinct fields in one filter. */
  public static final int MAX_FIELDS = 10;
  /** Interactions per user and event type that a filter considers. */
  public static final int MAX_INTERACTIONS_PER_TYPE = 100;

  private final String expression;
  private final List<Part> parts;
  private final Set<String> parameters;

  private FilterExpression(String expression, List<Part> parts, Set<String> parameters) {
    this.expression = expression;
    this.parts = parts;
    this.parameters = parameters;
  }

  /**
   * Parses {@code expression}.
   *
   * @throws IllegalArgumentException naming the problem and its position if the expression is not
   *     valid or uses an unsupported construct
   */
  public static FilterExpression parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("filter expression must not be blank");
    }
    if (expression.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("filter expression must be at most " + MAX_LENGTH
          + " characters but was " + expression.length());
    }
    Parser parser = new Parser(expression, tokenize(expression));
    List<Part> parts = parser.chain();
    Set<String> fields = new LinkedHashSet<>();
    Set<String> params = new LinkedHashSet<>();
    for (Part p : parts) {
      p.condition().collect(fields, params);
    }
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("filter expression must use at most " + MAX_FIELDS
          + " distinct fields but used " + fields.size() + ": " + fields);
    }
    return new FilterExpression(expression, List.copyOf(parts), Collections.unmodifiableSet(params));
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  /** The placeholder names, without {@code $}, in order of appearance. */
  public Set<String> parameters() {
    return parameters;
  }

  /**
   * Binds placeholder values, the user whose interactions count and the current item of a related
   * items request.
   *
   * @throws IllegalArgumentException if an INCLUDE placeholder has no value (a missing EXCLUDE
   *     placeholder skips its condition), a numeric value is not a number, or {@code CurrentItem}
   *     is used without a current item
   */
  public ItemFilter bind(Engine engine, Optional<String> userId, Optional<String> currentItemId,
      Map<String, List<String>> values) {
    Objects.requireNonNull(engine, "engine");
    Context ctx = new Context(engine, userId, currentItemId, values);
    List<Predicate<String>> includes = new ArrayList<>();
    List<Predicate<String>> excludes = new ArrayList<>();
    for (Part p : parts) {
      Predicate<String> bound = p.condition().bind(ctx, p.include());
      if (bound != null) {
        (p.include() ? includes : excludes).add(bound);
      }
    }
    boolean anyInclude = parts.stream().anyMatch(Part::include);
    return id -> {
      if (anyInclude && includes.stream().noneMatch(f -> f.test(id))) {
        return false;
      }
      return excludes.stream().noneMatch(f -> f.test(id));
    };
  }

  @Override
  public String toString() {
    return expression;
  }

  // ---- model ----

  private record Part(boolean include, Node condition) {}

  private record Context(Engine engine, Optional<String> userId, Optional<String> currentItemId,
      Map<String, List<String>> values) {
    Item currentItem(String field) {
      String id = currentItemId.orElseThrow(() -> new IllegalArgumentException(
          "filter uses CurrentItem." + field + " but the request has no current item"
              + " (CurrentItem applies to related-items requests only)"));
      return engine.item(id).orElse(null);
    }
  }

  /** A condition; {@code bind} returns null when a missing EXCLUDE placeholder skips it. */
  private interface Node {
    Predicate<String> bind(Context ctx, boolean include);

    void collect(Set<String> fields, Set<String> params);
  }

  private record Junction(boolean and, List<Node> children) implements Node {
    @Override
    public Predicate<String> bind(Context ctx, boolean include) {
      List<Predicate<String>> bound = new ArrayList<>();
      for (Node n : children) {
        Predicate<String> p = n.bind(ctx, include);
        if (p != null) {
          bound.add(p);
        }
      }
      if (bound.isEmpty()) {
        return null;
      }
      return and
          ? id -> bound.stream().allMatch(p -> p.test(id))
          : id -> bound.stream().anyMatch(p -> p.test(id));
    }

    @Override
    public void collect(Set<String> fields, Set<String> params) {
      children.forEach(c -> c.collect(fields, params));
    }
  }

  private enum Op {
    IN("IN"), NOT_IN("NOT IN"), EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    boolean numeric() {
      return this != IN && this != NOT_IN;
    }

    boolean compare(double a, double b) {
      return switch (this) {
        case EQ -> a == b;
        case NE -> a != b;
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
        default -> throw new IllegalStateException(symbol);
      };
    }
  }

  private sealed interface Value permits Literal, Param, CurrentItemRef {}

  private record Literal(String text) implements Value {}

  private record Param(String name) implements Value {}

  private record CurrentItemRef(String field) implements Value {}

  private record Comparison(String dataset, String field, Op op, List<Value> values) implements Node {
    @Override
    public void collect(Set<String> fields, Set<String> params) {
      fields.add(dataset + "." + field);
      for (Value v : values) {
        if (v instanceof Param p) {
          params.add(p.name());
        }
      }
    }

    /** The values' strings; null when a placeholder is missing from an EXCLUDE condition. */
    private List<String> resolve(Context ctx, boolean include) {
      List<String> out = new ArrayList<>();
      for (Value v : values) {
        if (v instanceof Literal l) {
          out.add(l.text());
        } else if (v instanceof Param p) {
          List<String> given = ctx.values().get(p.name());
          if (given == null || given.isEmpty()) {
            if (include) {
              throw new IllegalArgumentException("filter parameter $" + p.name()
                  + " needs a value (it is used in an INCLUDE expression)");
            }
            return null;
          }
          out.addAll(given);
        } else if (v instanceof CurrentItemRef c) {
          Item current = ctx.currentItem(c.field());
          if (current != null) {
            attribute(current, c.field()).ifPresent(a -> out.addAll(strings(a)));
          }
        }
      }
      return out;
    }

    @Override
    public Predicate<String> bind(Context ctx, boolean include) {
      List<String> resolved = resolve(ctx, include);
      if (resolved == null) {
        return null;
      }
      if (dataset.equals("Interactions")) {
        Set<String> interacted = new HashSet<>();
        Optional<String> user = ctx.userId();
        if (user.isPresent()) {
          for (String type : resolved) {
            Optional<String> t = type.equals("*") ? Optional.empty() : Optional.of(type);
            interacted.addAll(ctx.engine().history(user.get(), t, MAX_INTERACTIONS_PER_TYPE));
          }
        }
        return interacted::contains;
      }
      if (op.numeric()) {
        if (resolved.isEmpty()) {
          return id -> false;
        }
        double bound = number(resolved.get(0));
        Engine engine = ctx.engine();
        return id -> engine.item(id)
            .flatMap(i -> attribute(i, field))
            .filter(AttributeValue.Numeric.class::isInstance)
            .map(a -> op.compare(((AttributeValue.Numeric) a).value(), bound))
            .orElse(false);
      }
      Set<String> wanted = new HashSet<>(resolved);
      Engine engine = ctx.engine();
      boolean negate = op == Op.NOT_IN;
      return id -> {
        Optional<AttributeValue> a = engine.item(id).flatMap(i -> attribute(i, field));
        if (a.isEmpty()) {
          return negate;
        }
        boolean in = strings(a.get()).stream().anyMatch(wanted::contains);
        return negate != in;
      };
    }

    private double number(String text) {
      try {
        double d = Double.parseDouble(text.strip());
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("filter condition " + dataset + "." + field + " " + op.symbol
          + " needs a number but the value was '" + text + "'");
    }
  }

  /** The item's field, matched exactly or else ignoring case (core forbids names differing only so). */
  private static Optional<AttributeValue> attribute(Item item, String field) {
    Optional<AttributeValue> exact = item.attribute(field);
    if (exact.isPresent()) {
      return exact;
    }
    for (Map.Entry<String, AttributeValue> e : item.attributes().entrySet()) {
      if (e.getKey().equalsIgnoreCase(field)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static List<String> strings(AttributeValue value) {
    if (value instanceof AttributeValue.Categorical c) {
      return c.values();
    }
    if (value instanceof AttributeValue.Numeric n) {
      return List.of(n.render(), Double.toString(n.value()));
    }
    return List.of(value.render());
  }

  // ---- lexer ----

  private enum Kind { WORD, STRING, PARAM, NUMBER, OP, LPAREN, RPAREN, COMMA, PIPE, END }

  private record Token(Kind kind, String text, int position) {
    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    String describe() {
      return switch (kind) {
        case END -> "the end of the expression";
        case STRING -> "\"" + text + "\" at position " + position;
        case PARAM -> "$" + text + " at position " + position;
        default -> "'" + text + "' at position " + position;
      };
    }
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(') {
        out.add(new Token(Kind.LPAREN, "(", i++));
      } else if (c == ')') {
        out.add(new Token(Kind.RPAREN, ")", i++));
      } else if (c == ',') {
        out.add(new Token(Kind.COMMA, ",", i++));
      } else if (c == '|') {
        out.add(new Token(Kind.PIPE, "|", i++));
      } else if (c == '"' || c == '\'') {
        int start = i++;
        StringBuilder v = new StringBuilder();
        boolean closed = false;
        while (i < n) {
          char d = s.charAt(i++);
          if (d == '\\' && i < n) {
            v.append(s.charAt(i++));
          } else if (d == c) {
            closed = true;
            break;
          } else {
            v.append(d);
          }
        }
        if (!closed) {
          throw new IllegalArgumentException(
              "filter expression has an unterminated string starting at position " + start);
        }
        out.add(new Token(Kind.STRING, v.toString(), start));
      } else if (c == '$') {
        int start = i++;
        while (i < n && isWordChar(s.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          throw new IllegalArgumentException(
              "filter expression has a '$' without a placeholder name at position " + start);
        }
        out.add(new Token(Kind.PARAM, s.substring(start + 1, i), start));
      } else if (c == '=' ) {
        out.add(new Token(Kind.OP, "=", i++));
      } else if (c == '!' || c == '<' || c == '>') {
        int start = i++;
        if (i < n && s.charAt(i) == '=') {
          i++;
        } else if (c == '!') {
          throw new IllegalArgumentException("filter expression has '!' without '=' at position " + start);
        }
        out.add(new Token(Kind.OP, s.substring(start, i), start));
      } else if (Character.isDigit(c) || ((c == '-' || c == '.') && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
        int start = i++;
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (isWordChar(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.WORD, s.substring(start, i), start));
      } else {
        throw new IllegalArgumentException(
            "filter expression has an unexpected character '" + c + "' at position " + i);
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  // ---- parser ----

  private static final class Parser {
    private final String source;
    private final List<Token> tokens;
    private int pos;
    private String dataset;

    Parser(String source, List<Token> tokens) {
      this.source = source;
      this.tokens = tokens;
    }

    List<Part> chain() {
      List<Part> parts = new ArrayList<>();
      parts.add(expression());
      while (peek().kind() == Kind.PIPE) {
        next();
        parts.add(expression());
      }
      Token t = peek();
      if (t.kind() == Kind.RPAREN) {
        throw error("unbalanced parentheses: unexpected ')' at position " + t.position());
      }
      if (t.kind() != Kind.END) {
        throw error("unexpected " + t.describe() + " (expected AND, OR, '|' or the end)");
      }
      return parts;
    }

    private Part expression() {
      dataset = null;
      Token action = next();
      boolean include;
      if (action.isWord("INCLUDE")) {
        include = true;
      } else if (action.isWord("EXCLUDE")) {
        include = false;
      } else {
        throw error("expected INCLUDE or EXCLUDE but found " + action.describe());
      }
      Token target = next();
      if (target.isWord("UserID") || target.isWord("ActionID")) {
        throw error(target.text() + " filters are not supported by the in-memory engine (only ItemID)");
      }
      if (!target.isWord("ItemID")) {
        throw error("expected ItemID after " + action.text().toUpperCase(Locale.ROOT)
            + " but found " + target.describe());
      }
      Token where = next();
      if (!where.isWord("WHERE")) {
        throw error("expected WHERE after ItemID but found " + where.describe());
      }
      Node condition = or();
      Token t = peek();
      if (t.isWord("IF")) {
        throw error("IF CurrentUser conditions are not supported by the in-memory engine"
            + " (found IF at position " + t.position() + ")");
      }
      return new Part(include, condition);
    }

    private Node or() {
      List<Node> children = new ArrayList<>();
      children.add(and());
      while (peek().isWord("OR")) {
        next();
        children.add(and());
      }
      return children.size() == 1 ? children.get(0) : new Junction(false, List.copyOf(children));
    }

    private Node and() {
      List<Node> children = new ArrayList<>();
      children.add(primary());
      while (peek().isWord("AND")) {
        next();
        children.add(primary());
      }
      return children.size() == 1 ? children.get(0) : new Junction(true, List.copyOf(children));
    }

    private Node primary() {
      Token t = peek();
      if (t.kind() == Kind.LPAREN) {
        next();
        Node inner = or();
        Token close = next();
        if (close.kind() != Kind.RPAREN) {
          throw error("unbalanced parentheses: missing ')' for '(' at position " + t.position()
              + " (found " + close.describe() + ")");
        }
        return inner;
      }
      return comparison();
    }

    private Node comparison() {
      Token subject = next();
      if (subject.kind() != Kind.WORD) {
        throw error("expected a condition such as Items.FIELD or Interactions.EVENT_TYPE but found "
            + subject.describe());
      }
      int dot = subject.text().indexOf('.');
      if (dot <= 0 || dot == subject.text().length() - 1 || subject.text().indexOf('.', dot + 1) >= 0) {
        throw error("expected <Dataset>.<FIELD> but found " + subject.describe());
      }
      String ds = canonicalDataset(subject.text().substring(0, dot), subject);
      String field = subject.text().substring(dot + 1);
      if (ds.equals("CurrentItem")) {
        throw error("CurrentItem." + field + " may only appear as a value (e.g. Items." + field
            + " IN (CurrentItem." + field + ")), found at position " + subject.position());
      }
      if (dataset == null) {
        dataset = ds;
      } else if (!dataset.equals(ds)) {
        throw error("cannot mix " + dataset + " and " + ds + " conditions in one expression (position "
            + subject.position() + "); chain separate expressions with '|'");
      }
      if (ds.equals("Interactions") && !field.equalsIgnoreCase("EVENT_TYPE")) {
        throw error("only Interactions.EVENT_TYPE can be filtered but found Interactions." + field);
      }
      Op op = operator();
      if (ds.equals("Interactions") && op != Op.IN) {
        throw error("Interactions.EVENT_TYPE supports only IN but found " + op.symbol);
      }
      List<Value> values = op.numeric() ? List.of(numericValue()) : valueList();
      for (Value v : values) {
        if (v instanceof Literal l && l.text().equals("*") && !ds.equals("Interactions")) {
          throw error("'*' is only allowed in Interactions.EVENT_TYPE IN (\"*\"), not in " + ds + "." + field);
        }
        if (v instanceof CurrentItemRef && ds.equals("Interactions")) {
          throw error("CurrentItem values cannot be compared with Interactions.EVENT_TYPE");
        }
      }
      return new Comparison(ds, field, op, values);
    }

    private String canonicalDataset(String name, Token at) {
      for (String known : List.of("Items", "Interactions", "CurrentItem")) {
        if (known.equalsIgnoreCase(name)) {
          return known;
        }
      }
      for (String unsupported : List.of("Users", "Actions", "Action_Interactions", "CurrentUser")) {
        if (unsupported.equalsIgnoreCase(name)) {
          throw error("the " + unsupported + " dataset is not supported by the in-memory engine (position "
              + at.position() + "); use Items, Interactions or CurrentItem");
        }
      }
      throw error("unknown dataset '" + name + "' at position " + at.position()
          + " (expected Items, Interactions or CurrentItem)");
    }

    private Op operator() {
      Token t = next();
      if (t.isWord("IN")) {
        return Op.IN;
      }
      if (t.isWord("NOT")) {
        Token in = next();
        if (!in.isWord("IN")) {
          throw error("expected IN after NOT but found " + in.describe());
        }
        return Op.NOT_IN;
      }
      if (t.kind() == Kind.OP) {
        for (Op op : Op.values()) {
          if (op.symbol.equals(t.text())) {
            return op;
          }
        }
      }
      throw error("expected an operator (IN, NOT IN, =, !=, <, <=, >, >=) but found " + t.describe());
    }

    private Value numericValue() {
      Token t = next();
      return switch (t.kind()) {
        case NUMBER -> new Literal(t.text());
        case PARAM -> new Param(t.text());
        case STRING -> {
          try {
            Double.parseDouble(t.text());
          } catch (NumberFormatException e) {
            throw error("a numeric comparison needs a number but found " + t.describe());
          }
          yield new Literal(t.text());
        }
        case WORD -> {
          if (!t.text().regionMatches(true, 0, "CurrentItem.", 0, "CurrentItem.".length())) {
            throw error("a numeric comparison needs a number, a $PLACEHOLDER or CurrentItem.FIELD but found "
                + t.describe());
          }
          yield currentItem(t);
        }
        default -> throw error("expected a number, a $PLACEHOLDER or CurrentItem.FIELD but found " + t.describe());
      };
    }

    private List<Value> valueList() {
      Token t = peek();
      if (t.kind() != Kind.LPAREN) {
        if (t.kind() == Kind.PARAM) {
          next();
          return List.of(new Param(t.text()));
        }
        if (t.kind() == Kind.WORD) {
          next();
          return List.of(currentItem(t));
        }
        throw error("expected '(' and a list of values after IN but found " + t.describe());
      }
      next();
      List<Value> values = new ArrayList<>();
      while (true) {
        Token v = next();
        switch (v.kind()) {
          case STRING, NUMBER -> values.add(new Literal(v.text()));
          case PARAM -> values.add(new Param(v.text()));
          case WORD -> values.add(currentItem(v));
          case RPAREN -> throw error("expected a value but found ')' at position " + v.position()
              + " (IN needs at least one value)");
          case END -> throw error("unbalanced parentheses: missing ')' for '(' at position " + t.position());
          default -> throw error("expected a quoted value or a $PLACEHOLDER but found " + v.describe());
        }
        Token sep = next();
        if (sep.kind() == Kind.RPAREN) {
          return List.copyOf(values);
        }
        if (sep.kind() == Kind.END) {
          throw error("unbalanced parentheses: missing ')' for '(' at position " + t.position());
        }
        if (sep.kind() != Kind.COMMA) {
          throw error("expected ',' or ')' in the value list but found " + sep.describe());
        }
      }
    }

    private Value currentItem(Token t) {
      String text = t.text();
      int dot = text.indexOf('.');
      if (dot > 0 && text.substring(0, dot).equalsIgnoreCase("CurrentItem") && dot < text.length() - 1) {
        return new CurrentItemRef(text.substring(dot + 1));
      }
      throw error("expected a quoted value, a $PLACEHOLDER or CurrentItem.FIELD but found " + t.describe()
          + " (string values must be in double quotes)");
    }

    private Token peek() {
      return tokens.get(pos);
    }

    private Token next() {
      Token t = tokens.get(pos);
      if (t.kind() != Kind.END) {
        pos++;
      }
      return t;
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException("invalid filter expression: " + message + " in: " + abbreviate(source));
    }

    private static String abbreviate(String s) {
      return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }
  }
}
