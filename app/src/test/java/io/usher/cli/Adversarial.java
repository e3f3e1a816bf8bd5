package io.usher.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** What {@link WritersPropertyTest} throws at the commands: what people type, and worse. */
final class Adversarial {
  private Adversarial() {}

  /** Values a person (or a script) might pass, with the adversarial ones the issue lists. */
  static Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            3,
            Arbitraries.of(
                "",
                " ",
                "\t",
                "\u0000",
                "\n",
                "0",
                "1",
                "-1",
                "12.50",
                "1e3",
                "١٢",
                "１２",
                "99999",
                "2147483648",
                "-999999999-01-01T00:00:00Z",
                "+1000000000-01-01T00:00:00Z",
                "9999-12-31",
                "1999-12-31",
                "2000-01-01",
                "2026-12-01",
                "2199-12-31",
                "2026-11-22T10:00:00Z",
                "true",
                "false",
                "USD",
                "Standard",
                "Private",
                "Basic",
                "price_1",
                "bob@example.com",
                "new@example.com",
                "123456789012345678",
                "https://ok.example.com",
                "http://x:99999",
                "7,3,1",
                "0.0.0.0",
                "Den")),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(12)),
        Tuple.of(
            1,
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4)),
        Tuple.of(
            1,
            Arbitraries.strings()
                .withChars("٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２")
                .ofMinLength(1)
                .ofMaxLength(4)),
        Tuple.of(2, Arbitraries.integers().between(-5, 100_000).map(String::valueOf)),
        Tuple.of(2, Arbitraries.integers().between(30, 12_000).map(n -> "x".repeat(n))),
        // Long values behind the prefix a field checks first (price_…, sub_…).
        Tuple.of(
            2,
            Arbitraries.of("price_", "sub_", "I-", "pi_", "1")
                .flatMap(
                    p -> Arbitraries.integers().between(20, 5_000).map(n -> p + "7".repeat(n)))),
        Tuple.of(
            1,
            Arbitraries.longs()
                .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                .map(s -> Instant.ofEpochSecond(s).toString())),
        Tuple.of(
            1,
            Arbitraries.longs()
                .between(
                    Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2300-01-01T00:00:00Z").getEpochSecond())
                .map(s -> Instant.ofEpochSecond(s).toString())));
  }

  /** A command: its fixed words, then some of its options, each with a generated value. */
  static Arbitrary<List<String>> command(List<String> fixed, List<String> options) {
    Arbitrary<List<String>> chosen = Arbitraries.of(options).set().ofMaxSize(4).map(List::copyOf);
    return chosen.flatMap(
        names ->
            values()
                .list()
                .ofSize(names.size())
                .map(
                    picked -> {
                      List<String> words = new ArrayList<>(fixed);
                      for (int i = 0; i < names.size(); i++) {
                        if (names.get(i).endsWith("!")) {
                          words.add(names.get(i).substring(0, names.get(i).length() - 1));
                        } else {
                          words.add(names.get(i));
                          words.add(picked.get(i));
                        }
                      }
                      return words;
                    }));
  }

  /** Half the time a value a column takes, so that the adversarial ones land in rows that pass. */
  static Arbitrary<String> cells() {
    return Arbitraries.oneOf(
        values(),
        Arbitraries.of("1", "2", "5", "2026-12-01", "2027-06-01", "pp@example.com", "sub_1"),
        Arbitraries.strings().alpha().ofLength(12));
  }
}
