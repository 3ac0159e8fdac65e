package dev.personalize4j.aws.provisioning;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders provisioning progress as one line per resource with its status and elapsed time: on an ANSI
 * terminal the lines are updated in place, otherwise a plain line is printed whenever a resource's
 * status changes.
 */
public final class ConsoleProgressRenderer implements ProgressListener {
  /** How the output is drawn. */
  public enum Mode {
    /** {@link #IN_PLACE} when a console is attached and {@code TERM} is set and not {@code dumb}, else {@link #PLAIN}. */
    AUTO,
    /** ANSI cursor movement rewrites each resource's line. */
    IN_PLACE,
    /** A new line per status change; safe for logs and CI. */
    PLAIN
  }

  private static final String ESC = "\u001b[";

  private final PrintStream out;
  private final Mode mode;
  private final int width;
  private final List<String> keys = new ArrayList<>();
  private final Map<String, String> lines = new HashMap<>();
  private final Map<String, String> lastStatus = new HashMap<>();

  private ConsoleProgressRenderer(PrintStream out, Mode mode, int width) {
    this.out = Objects.requireNonNull(out, "out");
    Objects.requireNonNull(mode, "mode");
    if (width < 0) {
      throw new IllegalArgumentException("width must be 0 (unlimited) or positive but was " + width);
    }
    this.mode = mode == Mode.AUTO ? (isAnsiTerminal() ? Mode.IN_PLACE : Mode.PLAIN) : mode;
    this.width = width;
  }

  /**
   * Returns a renderer writing to {@code out}, in place on an ANSI terminal (lines cut to the
   * {@code COLUMNS} width, if set) and plain otherwise.
   */
  public static ConsoleProgressRenderer create(PrintStream out) {
    return new ConsoleProgressRenderer(out, Mode.AUTO, columns());
  }

  /** Returns a renderer writing to {@code out} in the given mode, with lines of any length. */
  public static ConsoleProgressRenderer create(PrintStream out, Mode mode) {
    return new ConsoleProgressRenderer(out, mode, 0);
  }

  /**
   * Returns a renderer writing to {@code out} in the given mode; in place, lines are cut to {@code
   * width} characters (0 = unlimited) so that wrapping cannot break the cursor movement.
   */
  public static ConsoleProgressRenderer create(PrintStream out, Mode mode, int width) {
    return new ConsoleProgressRenderer(out, mode, width);
  }

  /** The mode in use, never {@link Mode#AUTO}. */
  public Mode mode() {
    return mode;
  }

  @Override
  public synchronized void onEvent(ProgressEvent event) {
    String key = event.kind() + "\u0000" + event.name();
    String status = statusText(event);
    String line = format(event, status);
    if (mode == Mode.PLAIN) {
      if (!status.equals(lastStatus.put(key, status))) {
        out.println(line);
      }
    } else {
      if (width > 0 && line.length() > width) {
        line = width > 3 ? line.substring(0, width - 3) + "..." : line.substring(0, width);
      }
      int index = keys.indexOf(key);
      if (index < 0) {
        keys.add(key);
        lines.put(key, line);
        out.print(line + "\n");
      } else if (!line.equals(lines.get(key))) {
        lines.put(key, line);
        int up = keys.size() - index;
        out.print(ESC + up + "A\r" + ESC + "2K" + line + ESC + up + "B\r");
      }
    }
    out.flush();
  }

  private static String statusText(ProgressEvent e) {
    return e.detail().map(d -> e.status() + ": " + d).orElse(e.status());
  }

  static String format(ProgressEvent e, String status) {
    return String.format("%-16s %-32s %8s  %s", e.kind().label(), e.name(), elapsed(e.elapsed()), status);
  }

  /** Formats a duration as {@code m:ss}, or {@code h:mm:ss} from one hour on. */
  static String elapsed(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 3600) {
      return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
    return String.format("%d:%02d", s / 60, s % 60);
  }

  private static int columns() {
    String columns = System.getenv("COLUMNS");
    if (columns == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isAnsiTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
  }
}
