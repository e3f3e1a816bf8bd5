package io.usher.media.jellyfin;

import static io.usher.media.jellyfin.JellyfinBodies.ALICE;
import static io.usher.media.mediabrowser.FakeMediaBrowser.JSON;
import static io.usher.media.mediabrowser.FakeMediaBrowser.body;
import static io.usher.media.mediabrowser.FakeMediaBrowser.empty;
import static io.usher.media.mediabrowser.FakeMediaBrowser.line;
import static io.usher.media.mediabrowser.FakeMediaBrowser.ok;
import static io.usher.media.mediabrowser.FakeMediaBrowser.take;
import static io.usher.media.mediabrowser.FakeMediaBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.ActiveStream;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;
import io.usher.media.mediabrowser.FakeMediaBrowser;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class JellyfinStreamsTest {
  static final String SESSION = "e3a7c1d2b4f64a5e9c8d7b6a5f4e3d2c";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMediaBrowser fake = new FakeMediaBrowser();

  JellyfinServer den() {
    return new JellyfinServer(
        fake.http,
        new ServerConnection(
            ServerKind.JELLYFIN, "Den", server.url("/").toString(), "k3y", null, null),
        "usher-7f3e",
        "1.4.0");
  }

  static String session(String id, String user, String extra) {
    return """
        {"PlayState":{"CanSeek":false,"IsPaused":false,"IsMuted":false,"RepeatMode":"RepeatNone",
         "PlaybackOrder":"Default"},"AdditionalUsers":[],"RemoteEndPoint":"198.51.100.7",
         "PlayableMediaTypes":["Audio","Video"],"Id":"%s","UserId":"%s","UserName":"%s",
         "Client":"Jellyfin Web","LastActivityDate":"2026-11-02T20:14:11.0000000Z",
         "DeviceName":"Firefox","DeviceId":"TW96aWxsYS81LjA","ApplicationVersion":"10.11.2",
         "IsActive":true,"SupportsMediaControl":true,"SupportsRemoteControl":true%s}"""
        .formatted(id, ALICE, user, extra);
  }

  @Test
  void idleSessionsAreNotStreamsAndATranscodeIsRecognised() throws Exception {
    String transcoding =
        """
        ,"NowPlayingItem":{"Name":"Pilot","Id":"1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
         "Type":"Episode","Width":3840,"Height":2160},
         "PlayState":{"PositionTicks":12000000,"IsPaused":true,"PlayMethod":"Transcode"},
         "TranscodingInfo":{"AudioCodec":"aac","VideoCodec":"h264","Container":"ts",
          "IsVideoDirect":false,"IsAudioDirect":false,"Bitrate":8000000,"Width":1920,
          "Height":1080,"TranscodeReasons":["VideoCodecNotSupported"]}""";
    server.enqueue(
        ok(
            "["
                + session("0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f", "alice", "")
                + ","
                + session(SESSION, "alice", transcoding)
                + "]"));

    List<ActiveStream> streams = den().streams();

    assertThat(streams)
        .containsExactly(
            new ActiveStream(
                SESSION,
                ALICE,
                "alice",
                "Firefox (Jellyfin Web)",
                "198.51.100.7",
                "transcode",
                "1080",
                "Pilot",
                true));
    assertThat(line(take(server))).isEqualTo("GET /Sessions");
  }

  @Test
  void aDirectPlayTakesItsResolutionFromTheItem() {
    server.enqueue(
        ok(
            "["
                + session(
                    SESSION,
                    "alice",
                    """
                    ,"NowPlayingItem":{"Name":"Dune","Type":"Movie","Width":3840,"Height":1606},
                     "PlayState":{"IsPaused":false,"PlayMethod":"DirectPlay"}""")
                + "]"));

    ActiveStream stream = den().streams().getFirst();

    assertThat(stream.videoDecision()).isEqualTo("directplay");
    assertThat(stream.resolution()).isEqualTo("4k");
    assertThat(stream.transcodesVideo()).isFalse();
  }

  @Test
  void aDirectStreamIsACopyAndItsResolutionMayComeFromTheVideoStream() {
    server.enqueue(
        ok(
            "["
                + session(
                    SESSION,
                    "alice",
                    """
                    ,"NowPlayingItem":{"Name":"Heat","Type":"Movie","MediaStreams":[
                      {"Type":"Audio","Codec":"ac3"},{"Type":"Video","Width":1280,"Height":720}]},
                     "PlayState":{"PlayMethod":"DirectStream"}""")
                + "]"));

    ActiveStream stream = den().streams().getFirst();

    assertThat(stream.videoDecision()).isEqualTo("copy");
    assertThat(stream.resolution()).isEqualTo("720");
  }

  @Test
  void anAudioOnlyTranscodeCopiesTheVideo() {
    server.enqueue(
        ok(
            "["
                + session(
                    SESSION,
                    "alice",
                    """
                    ,"NowPlayingItem":{"Name":"Heat","Type":"Movie"},
                     "PlayState":{"PlayMethod":"Transcode"},
                     "TranscodingInfo":{"IsVideoDirect":true,"IsAudioDirect":false}""")
                + "]"));

    ActiveStream stream = den().streams().getFirst();

    assertThat(stream.videoDecision()).isEqualTo("copy");
    assertThat(stream.resolution()).isNull();
  }

  @Test
  void aTranscodeIsRecognisedFromThePlayMethodAlone() {
    server.enqueue(
        ok(
            "["
                + session(
                    SESSION,
                    "alice",
                    """
                    ,"NowPlayingItem":{"Name":"Heat"},"PlayState":{"PlayMethod":"Transcode"}""")
                + "]"));

    assertThat(den().streams().getFirst().videoDecision()).isEqualTo("transcode");
  }

  @Test
  void sessionsThatAreNotAnArrayAreAnUnexpectedResponse() {
    server.enqueue(ok("{\"Items\":[]}"));

    assertThatThrownBy(() -> den().streams())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void stoppingShowsTheMessageAsJsonThenStops() throws Exception {
    server.enqueue(empty(204));
    server.enqueue(empty(204));

    den().stopStream(SESSION, "Your plan allows 2 streams.");

    RecordedRequest message = take(server);
    assertThat(line(message)).isEqualTo("POST /Sessions/" + SESSION + "/Message");
    assertThat(message.getUrl().query()).isNull();
    assertThat(body(message))
        .isEqualTo(
            JSON.readTree(
                "{\"Header\":\"Usher\",\"Text\":\"Your plan allows 2 streams.\","
                    + "\"TimeoutMs\":10000}"));
    RecordedRequest stop = take(server);
    assertThat(line(stop)).isEqualTo("POST /Sessions/" + SESSION + "/Playing/Stop");
    assertThat(stop.getHeaders().get("Authorization")).startsWith("MediaBrowser Token=");
  }

  @Test
  void aMessageThatFailsDoesNotPreventTheStop() throws Exception {
    server.enqueue(text(400, "Client does not support messages"));
    server.enqueue(empty(204));

    den().stopStream(SESSION, "Bye");

    take(server);
    assertThat(line(take(server))).isEqualTo("POST /Sessions/" + SESSION + "/Playing/Stop");
  }

  @Test
  void stoppingAStreamThatEndedIsNotFound() {
    server.enqueue(text(404, ""));
    server.enqueue(text(404, ""));

    assertThatThrownBy(() -> den().stopStream(SESSION, "Bye"))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("That stream has already ended on Jellyfin server Den.");
  }

  @Test
  void withoutAMessageOnlyTheStopIsSent() throws Exception {
    server.enqueue(empty(204));

    den().stopStream(SESSION, null);

    assertThat(line(take(server))).isEqualTo("POST /Sessions/" + SESSION + "/Playing/Stop");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
