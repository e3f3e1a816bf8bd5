package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands end to end on a real ledger in a temp folder, with the media servers in memory; each run
 * keeps what it printed.
 */
abstract class MediaCliTestBase {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(NOW);
  final FakeMediaServers media = new FakeMediaServers();
  String out;
  String err;

  int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code =
        new Cli(option -> new AppContext(Path.of(option), clock, settings -> media), option -> {})
            .execute(new PrintWriter(o), new PrintWriter(e), all);
    out = o.toString();
    err = e.toString();
    return code;
  }

  void ok(String... args) {
    assertThat(usher(args)).as(err).isZero();
  }

  JsonNode json(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--json";
    System.arraycopy(args, 0, all, 1, args.length);
    ok(all);
    return JSON.readTree(out);
  }
}
