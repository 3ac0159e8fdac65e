package dev.personalize4j.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-ASCII page layout for the demo: boxed section headers, aligned tables, side-by-side panels. */
final class Screen {
  static final int WIDTH = 110;

  private final PrintStream out;

  Screen(PrintStream out) {
    this.out = out;
  }

  /** A boxed header: section number and title, then optional subtitle lines. */
  void section(int number, String title, String... subtitles) {
    String rule = "+" + "-".repeat(WIDTH - 2) + "+";
    out.println();
    out.println(rule);
    out.println(boxed(" " + number + "  " + title.toUpperCase(Locale.ROOT)));
    for (String s : subtitles) {
      out.println(boxed("    " + s));
    }
    out.println(rule);
  }

  /** A boxed header without a number. */
  void banner(String title, String... subtitles) {
    String rule = "+" + "=".repeat(WIDTH - 2) + "+";
    out.println(rule);
    out.println(boxed(" " + title));
    for (String s : subtitles) {
      out.println(boxed(" " + s));
    }
    out.println(rule);
  }

  /** Prints one indented line and flushes, so that log lines on standard error appear in order. */
  void line(String text) {
    out.println("  " + text);
    out.flush();
  }

  void blank() {
    out.println();
    out.flush();
  }

  void lines(List<String> lines) {
    for (String l : lines) {
      line(l);
    }
  }

  private static String boxed(String text) {
    return "|" + fit(text, WIDTH - 2) + "|";
  }

  /** Pads or truncates (with "~") to exactly {@code width} characters. */
  static String fit(String text, int width) {
    if (text.length() > width) {
      return text.substring(0, width - 1) + "~";
    }
    return text + " ".repeat(width - text.length());
  }

  static String right(String text, int width) {
    if (text.length() >= width) {
      return text;
    }
    return " ".repeat(width - text.length()) + text;
  }

  /** A table: a header row, a rule, then rows; a column whose width is negative is right-aligned. */
  static List<String> table(List<String> headers, int[] widths, List<List<String>> rows) {
    List<String> out = new ArrayList<>();
    out.add(row(headers, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        rule.append("  ");
      }
      rule.append("-".repeat(Math.abs(widths[i])));
    }
    out.add(rule.toString());
    for (List<String> r : rows) {
      out.add(row(r, widths));
    }
    return out;
  }

  private static String row(List<String> cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      if (i > 0) {
        b.append("  ");
      }
      String cell = i < cells.size() ? cells.get(i) : "";
      b.append(widths[i] < 0 ? right(cell, -widths[i]) : fit(cell, widths[i]));
    }
    return b.toString().stripTrailing();
  }

  /** Places two blocks of lines next to each other, the left one padded to {@code leftWidth}. */
  static List<String> sideBySide(List<String> left, int leftWidth, List<String> right) {
    List<String> out = new ArrayList<>();
    int n = Math.max(left.size(), right.size());
    for (int i = 0; i < n; i++) {
      String l = i < left.size() ? left.get(i) : "";
      String r = i < right.size() ? right.get(i) : "";
      out.add((fit(l, leftWidth) + " | " + r).stripTrailing());
    }
    return out;
  }

  static String money(double price) {
    return String.format(Locale.ROOT, "$%,.2f", price);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A bar of up to {@code width} '#' proportional to {@code share} of {@code max}. */
  static String bar(double share, double max, int width) {
    int n = max <= 0 ? 0 : (int) Math.round(width * share / max);
    return "#".repeat(Math.max(0, Math.min(width, n)));
  }
}
