package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** usher discount … on a real ledger in a temp data dir. */
class DiscountCliTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  String out;
  String err;

  int usher(String... args) {
    CliRun run = new CliRun(dataDir, clock);
    int code = run.usher(args);
    out = run.out;
    err = run.err;
    return code;
  }

  @BeforeEach
  void plan() {
    assertThat(
            usher(
                "plan",
                "add",
                "--name",
                "Basic",
                "--price",
                "12.50",
                "--currency",
                "EUR",
                "--months",
                "1",
                "--groups",
                "Standard",
                "--streams",
                "2"))
        .as(err)
        .isZero();
  }

  @Test
  void aCodeIsCreatedListedEditedSwitchedOffAndRemoved() throws Exception {
    assertThat(usher("discount", "add", "spring", "--percent", "20", "--max-uses", "50"))
        .as(err)
        .isZero();
    assertThat(out).isEqualTo("Created discount code SPRING.\n");
    assertThat(usher("discount", "add", "FIVE", "--amount", "5", "--expires", "2027-01-01"))
        .as(err)
        .isZero();

    assertThat(usher("--json", "discount", "list")).isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(out);
    assertThat(rows).hasSize(2);
    JsonNode five = rows.get(0);
    assertThat(five.get("code").asString()).isEqualTo("FIVE");
    assertThat(five.get("off").asString()).isEqualTo("5.00 EUR off");
    assertThat(five.get("expires").asString()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(five.get("status").asString()).isEqualTo("active");
    assertThat(rows.get(1).get("maxUses").asInt()).isEqualTo(50);

    assertThat(usher("discount", "set", "spring", "--percent", "25", "--max-uses", "0"))
        .as(err)
        .isZero();
    assertThat(usher("discount", "disable", "SPRING")).isZero();
    assertThat(usher("discount", "list")).isZero();
    assertThat(out).contains("SPRING").contains("25% off").contains("disabled");

    assertThat(usher("discount", "remove", "spring")).as(err).isZero();
    assertThat(usher("discount", "remove", "spring")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("There is no discount code SPRING.");
  }

  @Test
  void badValuesExitOneWithTheSentenceAndMalformedOnesTwo() {
    assertThat(usher("discount", "add", "X", "--percent", "10")).isEqualTo(1);
    assertThat(err).contains("3 to 32 letters");
    assertThat(usher("discount", "add", "HUGE", "--percent", "150")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("A percentage off is between 1 and 100.");
    assertThat(usher("discount", "add", "BOTH", "--percent", "5", "--amount", "1")).isEqualTo(2);
    assertThat(usher("discount", "add", "NONE")).isEqualTo(2);
    assertThat(usher("discount", "add", "SAVE", "--percent", "10")).isZero();
    assertThat(usher("discount", "add", "save", "--percent", "10")).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("A discount code SAVE already exists.");
    assertThat(usher("discount", "list")).isZero();
    assertThat(out.lines().filter(l -> l.contains("SAVE"))).hasSize(1);
  }
}
