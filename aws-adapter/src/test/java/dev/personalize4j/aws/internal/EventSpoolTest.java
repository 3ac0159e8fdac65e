package dev.personalize4j.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.personalize4j.AttributeValue;
import dev.personalize4j.EventType;
import dev.personalize4j.Interaction;
import dev.personalize4j.ItemId;
import dev.personalize4j.SessionId;
import dev.personalize4j.UserId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {
  @TempDir
  Path dir;

  private static Interaction full(String id) {
    return Interaction.builder()
        .userId(UserId.of("user\twith%odd;chars=|,"))
        .sessionId(SessionId.of("s\n1"))
        .itemId(ItemId.of("item,1"))
        .eventType(EventType.of("Add To Cart"))
        .timestamp(Instant.ofEpochSecond(1_733_318_400L, 123_456_789))
        .eventValue(12.5)
        .recommendationId("RID-1")
        .addImpressions(ItemId.of("a,b"), ItemId.of("c"))
        .putProperties("DEVICE", AttributeValue.categorical("mobile", "tablet"))
        .putProperties("DISCOUNT", AttributeValue.numeric(0.25))
        .putProperties("NOTE", AttributeValue.textual("line1\nline2;x=y%"))
        .eventId(id)
        .build();
  }

  @Test
  void encode_decode_roundTripsEveryField() {
    Interaction i = full("e-1");
    String line = EventSpool.encode(i);
    assertThat(line).doesNotContain("\n");
    assertThat(EventSpool.decode(line)).isEqualTo(i);

    Interaction minimal = Interaction.of(UserId.of("u"), ItemId.of("i"), EventType.VIEW)
        .stampedIfAbsent(Instant.ofEpochSecond(5), "e-2");
    assertThat(EventSpool.decode(EventSpool.encode(minimal))).isEqualTo(minimal);
  }

  @Test
  void reopen_recoversOnlyUndeliveredEvents_inOrder_withOriginalIds() {
    try (EventSpool spool = new EventSpool(dir)) {
      assertThat(spool.recovered()).isEmpty();
      spool.append(full("e-1"));
      spool.append(full("e-2"));
      spool.append(full("e-3"));
      spool.markDone(List.of(full("e-2")));
    }
    try (EventSpool spool = new EventSpool(dir)) {
      assertThat(spool.recovered()).extracting(i -> i.eventId().orElseThrow()).containsExactly("e-1", "e-3");
      spool.markDone(List.of(full("e-1"), full("e-3")));
    }
    try (EventSpool spool = new EventSpool(dir)) {
      assertThat(spool.recovered()).isEmpty();
    }
  }

  @Test
  void reopen_skipsATornLastLine() throws Exception {
    try (EventSpool spool = new EventSpool(dir)) {
      spool.append(full("e-1"));
    }
    Files.writeString(dir.resolve(EventSpool.EVENTS), "E1\te-2\t17333", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (EventSpool spool = new EventSpool(dir)) {
      assertThat(spool.recovered()).extracting(i -> i.eventId().orElseThrow()).containsExactly("e-1");
    }
  }

  @Test
  void open_twice_failsClearly() {
    try (EventSpool first = new EventSpool(dir)) {
      assertThatThrownBy(() -> new EventSpool(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another sink");
    }
  }
}
