package io.usher.domain.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.domain.media.ActiveStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enforcement rules as a table: what plays, what the plan and server allow, what stops. */
class EnforcementTest {
  static final Viewer ALICE = new Viewer(1, "Alice", "alice@example.com", false, "Basic", 2, true);

  /**
   * Streams are written {@code id:decision[:resolution][:paused][:handled]}; the expected actions
   * {@code id=reason} in the order decided.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          within the limit nothing stops             | 2 | true  | false | false | true  | a:directplay, b:directplay                           | -
          the excess stops, the first listed stay    | 2 | true  | false | false | true  | a:directplay, b:copy, c:directplay, d:directplay     | c=too-many-streams, d=too-many-streams
          stop-all stops every stream of the user    | 2 | true  | false | true  | true  | a:directplay, b:directplay, c:directplay             | a=too-many-streams, b=too-many-streams, c=too-many-streams
          stop-all within the limit stops nothing    | 2 | true  | false | true  | true  | a:directplay, b:directplay                           | -
          a paused stream still counts               | 1 | true  | false | false | true  | a:directplay:1080:paused, b:directplay               | b=too-many-streams
          permanent users are untouched              | 1 | false | true  | true  | false | a:transcode:4k, b:directplay, c:transcode            | -
          transcoding on a plan without it stops     | 3 | false | false | false | true  | a:transcode:1080, b:directplay, c:copy               | a=transcode-not-allowed
          direct play on a plan without transcoding  | 1 | false | false | false | true  | a:directplay:4k                                      | -
          4K transcoding stops where the server says | 3 | true  | false | false | false | a:transcode:4k, b:directplay:4k, c:transcode:1080    | a=transcode-4k-not-allowed
          4K transcoding is fine where allowed       | 3 | true  | false | false | true  | a:transcode:4k                                       | -
          2160 is 4K too                             | 3 | true  | false | false | false | a:transcode:2160                                     | a=transcode-4k-not-allowed
          the plan rule wins over the 4K rule        | 3 | false | false | false | false | a:transcode:4k                                       | a=transcode-not-allowed
          a stopped transcode makes room             | 2 | false | false | false | true  | a:transcode, b:directplay, c:directplay              | a=transcode-not-allowed
          transcode and excess together              | 1 | false | false | false | true  | a:transcode, b:directplay, c:directplay              | a=transcode-not-allowed, c=too-many-streams
          a handled session is not acted on again    | 2 | true  | false | false | true  | a:directplay, b:directplay, c:directplay:1080:handled | -
          a handled session stays the excess         | 2 | true  | false | false | true  | a:directplay:1080:handled, b:directplay, c:directplay | -
          a handled transcode is not acted on again  | 2 | false | false | false | true  | a:transcode:1080:handled                             | -
          stop-all skips only the handled session    | 2 | true  | false | true  | true  | a:directplay:1080:handled, b:directplay, c:directplay | b=too-many-streams, c=too-many-streams
          """)
  void decides(
      String rule,
      int maxStreams,
      boolean transcode,
      boolean permanent,
      boolean stopAll,
      boolean server4k,
      String streams,
      String expected) {
    Viewer viewer =
        new Viewer(1, "Alice", "alice@example.com", permanent, "Basic", maxStreams, transcode);
    List<StreamFacts> facts = new ArrayList<>();
    for (String spec : streams.split(",")) {
      facts.add(facts(spec.strip(), viewer, server4k));
    }

    List<Action> actions = Enforcement.decide(facts, stopAll);

    assertThat(actions.stream().map(a -> a.target().sessionId() + "=" + a.reason().code()))
        .as(rule)
        .containsExactlyElementsOf(
            expected == null
                ? List.of()
                : Arrays.stream(expected.split(",")).map(String::strip).toList());
  }

  @Test
  void streamsCountAcrossAllServers() {
    List<StreamFacts> facts =
        List.of(
            on(1, "Tower", stream("a", "directplay"), ALICE),
            on(2, "Den", stream("b", "directplay"), ALICE),
            on(3, "Attic", stream("c", "directplay"), ALICE));

    assertThat(Enforcement.decide(facts, false))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.target().serverName()).isEqualTo("Attic");
              assertThat(a.why()).isEqualTo("3 streams at once; the Basic plan allows 2");
              assertThat(a.message()).contains("Basic plan allows 2 streams");
            });
  }

  @Test
  void eachUserIsMeasuredAgainstTheirOwnPlan() {
    Viewer bob = new Viewer(2, "Bob", "bob@example.com", false, "Family", 4, true);
    List<StreamFacts> facts = new ArrayList<>();
    for (String id : List.of("a1", "a2", "a3")) {
      facts.add(on(1, "Tower", stream(id, "directplay"), ALICE));
    }
    for (String id : List.of("b1", "b2", "b3")) {
      facts.add(on(1, "Tower", stream(id, "directplay"), bob));
    }

    assertThat(Enforcement.decide(facts, false))
        .extracting(a -> a.target().sessionId())
        .containsExactly("a3");
  }

  @Test
  void unknownAccountsTheOwnerAndUsersWithoutAPlanAreIgnored() {
    Viewer unpaid = new Viewer(3, "Carol", null, false, null, 0, false);
    List<StreamFacts> facts =
        List.of(
            on(1, "Tower", stream("owner", "transcode"), null),
            on(1, "Tower", stream("x", "transcode"), unpaid),
            on(1, "Tower", stream("y", "transcode"), unpaid));

    assertThat(Enforcement.decide(facts, true)).isEmpty();
  }

  private static StreamFacts facts(String spec, Viewer viewer, boolean server4k) {
    String[] p = spec.split(":");
    List<String> flags = Arrays.asList(p).subList(Math.min(3, p.length), p.length);
    ActiveStream s =
        new ActiveStream(
            p[0],
            "acct-1",
            "alice",
            "Roku",
            "198.51.100.7",
            p[1],
            p.length > 2 ? p[2] : "1080",
            "Pilot",
            flags.contains("paused"));
    return new StreamFacts(1, "Tower", server4k, s, viewer, flags.contains("handled"));
  }

  private static StreamFacts on(long serverId, String name, ActiveStream s, Viewer v) {
    return new StreamFacts(serverId, name, true, s, v, false);
  }

  private static ActiveStream stream(String id, String decision) {
    return new ActiveStream(
        id, "acct", "alice", "TV", "10.0.0.1", decision, "1080", "Pilot", false);
  }
}
