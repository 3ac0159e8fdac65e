package dev.personalize4j.aws.internal;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.UserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable spool of an event sink: an append-only journal of recorded events plus a journal of
 * the ids of events that are done (delivered or dead-lettered), in a directory.
 *
 * <h2>Files</h2>
 * <ul>
 *   <li>{@code events.log}: one line per recorded event, written (and flushed to the operating
 *       system, without fsync) before {@code record} returns, so a SIGKILL of the JVM loses nothing
 *       already recorded (a power loss may).
 *   <li>{@code done.log}: one line per event that was delivered or dead-lettered: its escaped event id.
 *   <li>{@code spool.lock}: held with an OS file lock while a sink uses the directory; a second sink
 *       on the same directory fails to start.
 * </ul>
 *
 * <h2>Line format of events.log (UTF-8, one event per line, fields separated by TAB)</h2>
 * <pre>
 * E1 eventId epochSeconds.nanos userId sessionId itemId eventType eventValue recommendationId impressions properties
 * </pre>
 * Every field is escaped: {@code %}, TAB, CR, LF, {@code ,}, {@code ;}, {@code =} and {@code |}
 * become {@code %XX} (hex of the character). An absent optional field is empty (ids are never
 * empty). {@code impressions} is a comma-separated list of item ids; {@code properties} is a
 * {@code ;}-separated list of {@code NAME=c:v1|v2} (categorical), {@code NAME=n:1.5} (numeric) or
 * {@code NAME=t:text} (textual).
 *
 * <h2>Recovery</h2>
 * Opening a spool reads both journals and returns, in recording order, the events whose ids are not
 * in {@code done.log}; they are re-sent with their original event ids and timestamps (Personalize
 * ignores a repeated event id in training, so an event delivered just before a crash but not yet
 * marked done is at worst sent twice, never counted twice). The journals are then compacted: the
 * pending events are written to a new {@code events.log} (atomically replacing the old one) and
 * {@code done.log} is emptied. A torn last line (crash mid-write) is skipped with a warning.
 */
public final class EventSpool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventSpool.class);
  static final String EVENTS = "events.log";
  static final String DONE = "done.log";
  private static final String LOCK = "spool.lock";

  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<Interaction> recovered;
  private Writer events;
  private Writer done;

  /** Opens (creating if needed) the spool in {@code directory} and recovers its undelivered events. */
  public EventSpool(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      lockChannel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock acquired;
      try {
        acquired = lockChannel.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        acquired = null;
      }
      lock = acquired;
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException("the event spool " + directory + " is in use by another sink");
      }
      recovered = recover();
      events = open(EVENTS, true);
      done = open(DONE, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the event spool " + directory, e);
    }
  }

  /** The undelivered events found when the spool was opened, in recording order. */
  public List<Interaction> recovered() {
    return recovered;
  }

  private Writer open(String name, boolean append) throws IOException {
    return new OutputStreamWriter(Files.newOutputStream(directory.resolve(name), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING),
        StandardCharsets.UTF_8);
  }

  private List<Interaction> recover() throws IOException {
    Set<String> doneIds = new HashSet<>();
    Path donePath = directory.resolve(DONE);
    if (Files.exists(donePath)) {
      for (String line : Files.readAllLines(donePath, StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          doneIds.add(unescape(line));
        }
      }
    }
    Map<String, Interaction> pending = new LinkedHashMap<>();
    Path eventsPath = directory.resolve(EVENTS);
    if (Files.exists(eventsPath)) {
      try (BufferedReader r = Files.newBufferedReader(eventsPath, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
          number++;
          if (line.isEmpty()) {
            continue;
          }
          try {
            Interaction i = decode(line);
            String id = i.eventId().orElseThrow();
            if (!doneIds.contains(id)) {
              pending.put(id, i);
            }
          } catch (RuntimeException e) {
            LOG.warn("skipping unreadable line {} of {} ({})", number, eventsPath, e.getClass().getSimpleName());
          }
        }
      }
    }
    Path tmp = directory.resolve(EVENTS + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (Interaction i : pending.values()) {
        w.write(encode(i));
        w.write('\n');
      }
    }
    Files.move(tmp, eventsPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.write(donePath, new byte[0]);
    if (!pending.isEmpty()) {
      LOG.info("recovered {} undelivered event(s) from the spool {}", pending.size(), directory);
    }
    return List.copyOf(pending.values());
  }

  /** Journals a recorded event; returns once the line is written to the operating system. */
  public synchronized void append(Interaction i) {
    try {
      events.write(encode(i) + "\n");
      events.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the event spool " + directory, e);
    }
  }

  /** Journals that these events are done (delivered or dead-lettered). */
  public synchronized void markDone(Collection<Interaction> done) {
    try {
      StringBuilder sb = new StringBuilder();
      for (Interaction i : done) {
        sb.append(escape(i.eventId().orElseThrow())).append('\n');
      }
      this.done.write(sb.toString());
      this.done.flush();
    } catch (IOException e) {
      LOG.warn("cannot write to the event spool {}: {}", directory, e.toString());
    }
  }

  @Override
  public synchronized void close() {
    try {
      events.close();
      done.close();
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("cannot close the event spool {}: {}", directory, e.toString());
    }
  }

  static String encode(Interaction i) {
    StringBuilder sb = new StringBuilder(128).append("E1");
    Instant t = i.timestamp().orElseThrow();
    field(sb, i.eventId().orElseThrow());
    sb.append('\t').append(t.getEpochSecond()).append('.').append(String.format("%09d", t.getNano()));
    field(sb, i.userId().map(UserId::value).orElse(""));
    field(sb, i.sessionId().map(SessionId::value).orElse(""));
    field(sb, i.itemId().value());
    field(sb, i.eventType().name());
    sb.append('\t');
    if (i.eventValue().isPresent()) {
      sb.append(i.eventValue().getAsDouble());
    }
    field(sb, i.recommendationId().orElse(""));
    sb.append('\t');
    List<ItemId> imps = i.impressions();
    for (int k = 0; k < imps.size(); k++) {
      sb.append(k == 0 ? "" : ",").append(escape(imps.get(k).value()));
    }
    sb.append('\t');
    boolean first = true;
    for (Map.Entry<String, AttributeValue> e : i.properties().entrySet()) {
      sb.append(first ? "" : ";").append(escape(e.getKey())).append('=');
      first = false;
      AttributeValue v = e.getValue();
      if (v instanceof AttributeValue.Categorical c) {
        sb.append("c:");
        for (int k = 0; k < c.values().size(); k++) {
          sb.append(k == 0 ? "" : "|").append(escape(c.values().get(k)));
        }
      } else if (v instanceof AttributeValue.Numeric n) {
        sb.append("n:").append(n.value());
      } else if (v instanceof AttributeValue.Textual x) {
        sb.append("t:").append(escape(x.text()));
      }
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String value) {
    sb.append('\t').append(escape(value));
  }

  static Interaction decode(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 11 || !f[0].equals("E1")) {
      throw new IllegalArgumentException("not an E1 line with 11 fields");
    }
    Interaction.Builder b = Interaction.builder();
    b.eventId(unescape(f[1]));
    int dot = f[2].indexOf('.');
    b.timestamp(Instant.ofEpochSecond(Long.parseLong(f[2].substring(0, dot)), Long.parseLong(f[2].substring(dot + 1))));
    if (!f[3].isEmpty()) {
      b.userId(UserId.of(unescape(f[3])));
    }
    if (!f[4].isEmpty()) {
      b.sessionId(SessionId.of(unescape(f[4])));
    }
    b.itemId(ItemId.of(unescape(f[5])));
    b.eventType(EventType.of(unescape(f[6])));
    if (!f[7].isEmpty()) {
      b.eventValue(Double.parseDouble(f[7]));
    }
    if (!f[8].isEmpty()) {
      b.recommendationId(unescape(f[8]));
    }
    if (!f[9].isEmpty()) {
      for (String imp : f[9].split(",", -1)) {
        b.addImpressions(ItemId.of(unescape(imp)));
      }
    }
    if (!f[10].isEmpty()) {
      for (String prop : f[10].split(";", -1)) {
        int eq = prop.indexOf('=');
        String name = unescape(prop.substring(0, eq));
        String typed = prop.substring(eq + 1);
        String raw = typed.substring(2);
        AttributeValue v = switch (typed.charAt(0)) {
          case 'c' -> {
            List<String> values = new ArrayList<>();
            for (String s : raw.split("\\|", -1)) {
              values.add(unescape(s));
            }
            yield new AttributeValue.Categorical(values);
          }
          case 'n' -> AttributeValue.numeric(Double.parseDouble(raw));
          case 't' -> AttributeValue.textual(unescape(raw));
          default -> throw new IllegalArgumentException("unknown property type " + typed.charAt(0));
        };
        b.putProperties(name, v);
      }
    }
    return b.build();
  }

  static String escape(String s) {
    StringBuilder out = null;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      boolean special = c == '%' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '='
          || c == '|';
      if (special) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, k);
        }
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '%') {
        out.append((char) Integer.parseInt(s.substring(k + 1, k + 3), 16));
        k += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
