package io.usher.media.emby;

import static io.usher.media.emby.EmbyBodies.CAROL;
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
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class EmbyStreamsTest {
  static final String SESSION = "8a7b6c5d4e3f40112233445566778899";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMediaBrowser fake = new FakeMediaBrowser();

  EmbyServer attic() {
    return new EmbyServer(
        fake.http,
        new ServerConnection(
            ServerKind.EMBY, "Attic", server.url("/").toString(), "k3y", null, null),
        "usher-7f3e",
        "1.4.0");
  }

  @Test
  void onlyPlayingSessionsAreStreams() throws Exception {
    server.enqueue(
        ok(
            """
            [{"PlayState":{"CanSeek":false,"IsPaused":false,"IsMuted":false},
              "RemoteEndPoint":"192.168.1.50","Protocol":"HTTP/1.1","Id":"idle01",
              "UserId":"%1$s","UserName":"carol","Client":"Emby Web","DeviceName":"Chrome",
              "InternalDeviceId":12,"DeviceId":"c1","SupportsRemoteControl":true},
             {"PlayState":{"PositionTicks":3600000000,"CanSeek":true,"IsPaused":false,
               "PlayMethod":"DirectStream","MediaSourceId":"mediasource_8812"},
              "RemoteEndPoint":"203.0.113.44","Id":"%2$s","UserId":"%1$s","UserName":"carol",
              "Client":"Emby for Android","DeviceName":"Pixel 8","InternalDeviceId":13,
              "NowPlayingItem":{"Name":"The Thing","Id":"8812","Type":"Movie","Width":1920,
               "Height":800},
              "TranscodingInfo":{"AudioCodec":"aac","VideoCodec":"h264","Container":"mkv",
               "IsVideoDirect":true,"IsAudioDirect":false,"Bitrate":12000000}}]"""
                .formatted(CAROL, SESSION)));

    assertThat(attic().streams())
        .containsExactly(
            new ActiveStream(
                SESSION,
                CAROL,
                "carol",
                "Pixel 8 (Emby for Android)",
                "203.0.113.44",
                "copy",
                "1080",
                "The Thing",
                false));
    assertThat(line(take(server))).isEqualTo("GET /emby/Sessions");
  }

  @Test
  void aVideoTranscodeIsRecognisedFromTranscodingInfo() {
    server.enqueue(
        ok(
            """
            [{"Id":"%s","UserId":"%s","UserName":"carol","DeviceName":"Roku",
              "NowPlayingItem":{"Name":"Alien","Type":"Movie"},
              "PlayState":{"IsPaused":true},
              "TranscodingInfo":{"IsVideoDirect":false,"Height":720,"Width":1280}}]"""
                .formatted(SESSION, CAROL)));

    ActiveStream stream = attic().streams().getFirst();

    assertThat(stream.transcodesVideo()).isTrue();
    assertThat(stream.resolution()).isEqualTo("720");
    assertThat(stream.device()).isEqualTo("Roku");
    assertThat(stream.paused()).isTrue();
  }

  @Test
  void stoppingSendsTheMessageAsQueryParametersThenTheStopCommand() throws Exception {
    server.enqueue(empty(200));
    server.enqueue(empty(200));

    attic().stopStream(SESSION, "Your plan allows 1 stream & this is the second.");

    RecordedRequest message = take(server);
    assertThat(line(message)).isEqualTo("POST /emby/Sessions/" + SESSION + "/Message");
    assertThat(message.getUrl().queryParameter("Text"))
        .isEqualTo("Your plan allows 1 stream & this is the second.");
    assertThat(message.getUrl().queryParameter("Header")).isEqualTo("Usher");
    assertThat(message.getUrl().queryParameter("TimeoutMs")).isEqualTo("10000");
    assertThat(message.getBodySize()).isZero();
    RecordedRequest stop = take(server);
    assertThat(line(stop)).isEqualTo("POST /emby/Sessions/" + SESSION + "/Playing/Stop");
    assertThat(body(stop)).isEqualTo(JSON.readTree("{\"Command\":\"Stop\"}"));
  }

  @Test
  void aMessageTheServerFailsDoesNotPreventTheStop() throws Exception {
    server.enqueue(text(500, ""));
    server.enqueue(empty(200));

    attic().stopStream(SESSION, "Bye");

    take(server);
    assertThat(line(take(server))).isEqualTo("POST /emby/Sessions/" + SESSION + "/Playing/Stop");
  }

  @Test
  void stoppingAStreamThatEndedIsNotFound() {
    server.enqueue(text(404, ""));
    server.enqueue(text(404, ""));

    assertThatThrownBy(() -> attic().stopStream(SESSION, "Bye"))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("That stream has already ended on Emby server Attic.");
  }

  @Test
  void aRefusedKeyWhileStoppingIsUnauthorized() {
    server.enqueue(text(401, ""));
    server.enqueue(text(401, ""));

    assertThatThrownBy(() -> attic().stopStream(SESSION, "Bye"))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
  }
}
