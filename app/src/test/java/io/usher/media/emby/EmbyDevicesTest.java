package io.usher.media.emby;

import static io.usher.media.emby.EmbyBodies.CAROL;
import static io.usher.media.emby.EmbyBodies.NEW_POLICY;
import static io.usher.media.emby.EmbyBodies.OWNER;
import static io.usher.media.emby.EmbyBodies.policy;
import static io.usher.media.emby.EmbyBodies.user;
import static io.usher.media.mediabrowser.FakeMediaBrowser.JSON;
import static io.usher.media.mediabrowser.FakeMediaBrowser.body;
import static io.usher.media.mediabrowser.FakeMediaBrowser.empty;
import static io.usher.media.mediabrowser.FakeMediaBrowser.line;
import static io.usher.media.mediabrowser.FakeMediaBrowser.ok;
import static io.usher.media.mediabrowser.FakeMediaBrowser.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.DeviceAccess;
import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteDevice;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;
import io.usher.media.mediabrowser.FakeMediaBrowser;
import java.time.Instant;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Emby's device list, device policy and device removal, against its 4.8 wire shapes. */
class EmbyDevicesTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMediaBrowser fake = new FakeMediaBrowser();

  DeviceAccess attic() {
    return new EmbyServer(
            fake.http,
            new ServerConnection(
                ServerKind.EMBY, "Attic", server.url("/").toString(), "k3y", null, null),
            "usher-7f3e",
            "1.4.0")
        .deviceAccess()
        .orElseThrow();
  }

  @Test
  void devicesAreListedWithBothIdsTheirLastUserAndLastUse() throws Exception {
    server.enqueue(
        ok(
            """
            {"Items":[
              {"Name":"Pixel 8","Id":"14","InternalId":14,"ReportedDeviceId":"a1b2c3d4e5f60718",
               "LastUserName":"carol","AppName":"Emby for Android","AppVersion":"3.4.20",
               "LastUserId":"%s","DateLastActivity":"2026-11-22T09:30:00.0000000Z",
               "IconUrl":"https://github.com/MediaBrowser/Emby.Resources/raw/master/images/devices/android.png",
               "IpAddress":"203.0.113.44"},
              {"Name":"Firefox","Id":"15","InternalId":15,
               "ReportedDeviceId":"TW96aWxsYS81LjAgKFgxMTsgTGludXgp","AppName":"Emby Web",
               "AppVersion":"4.8.11.0","DateLastActivity":"not a date"}],
             "TotalRecordCount":2}"""
                .formatted(CAROL)));

    assertThat(attic().devices())
        .containsExactly(
            new RemoteDevice(
                "14",
                "a1b2c3d4e5f60718",
                "Pixel 8",
                "Emby for Android",
                CAROL,
                Instant.parse("2026-11-22T09:30:00Z")),
            new RemoteDevice(
                "15", "TW96aWxsYS81LjAgKFgxMTsgTGludXgp", "Firefox", "Emby Web", null, null));
    RecordedRequest request = take(server);
    assertThat(line(request)).isEqualTo("GET /emby/Devices");
    assertThat(request.getHeaders().get("X-Emby-Token")).isEqualTo("k3y");
  }

  @Test
  void aDeviceWithoutIdIsUnreadable() {
    server.enqueue(ok("{\"Items\":[{\"Name\":\"Roku\"}],\"TotalRecordCount\":1}"));

    assertThatThrownBy(() -> attic().devices())
        .isInstanceOf(MediaServerException.class)
        .extracting(e -> ((MediaServerException) e).kind())
        .isEqualTo(Kind.UNEXPECTED_RESPONSE);
  }

  @Test
  void devicePoliciesComeFromTheUsersAndLeaveTheAdministratorOut() throws Exception {
    server.enqueue(
        ok(
            "{\"Items\":[%s,%s,%s],\"TotalRecordCount\":3}"
                .formatted(
                    user(OWNER, "owner", policy("\"IsAdministrator\":true")),
                    user(CAROL, "carol", NEW_POLICY),
                    user(
                        "d00d",
                        "dave",
                        policy(
                            "\"EnableAllDevices\":false,\"EnabledDevices\":[\"14\",\"a1b2\"]")))));

    assertThat(attic().devicePolicies())
        .containsOnlyKeys(CAROL, "d00d")
        .containsEntry(CAROL, DevicePolicy.ANY)
        .containsEntry("d00d", DevicePolicy.only(Set.of("14", "a1b2")));
    assertThat(line(take(server))).isEqualTo("GET /emby/Users/Query");
  }

  @Test
  void holdingAUserWritesTheWholePolicyWithAllDevicesOffAndTheIdsSorted() throws Exception {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(empty(204));

    boolean found = attic().setDevicePolicy(CAROL, "carol", DevicePolicy.only(Set.of("b", "a")));

    assertThat(found).isTrue();
    assertThat(line(take(server))).isEqualTo("GET /emby/Users/" + CAROL);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /emby/Users/" + CAROL + "/Policy");
    ObjectNode expected = (ObjectNode) JSON.readTree(NEW_POLICY);
    expected.put("EnableAllDevices", false);
    expected.putArray("EnabledDevices").add("a").add("b");
    assertThat(body(write)).isEqualTo(expected);
  }

  @Test
  void freeingAUserTurnsAllDevicesBackOnAndEmptiesTheList() throws Exception {
    server.enqueue(
        ok(user(CAROL, "carol", policy("\"EnableAllDevices\":false,\"EnabledDevices\":[\"14\"]"))));
    server.enqueue(empty(204));

    attic().setDevicePolicy(CAROL, "carol", DevicePolicy.ANY);

    take(server);
    ObjectNode written = (ObjectNode) body(take(server));
    assertThat(written.get("EnableAllDevices").booleanValue()).isTrue();
    assertThat(written.get("EnabledDevices").isEmpty()).isTrue();
    assertThat(written.get("AuthenticationProviderId").stringValue())
        .as("fields Usher does not set go back as they were")
        .isEqualTo("Emby.Server.Implementations.Library.DefaultAuthenticationProvider");
  }

  @Test
  void aUserGoneIsNotFoundRatherThanAFailure() {
    server.enqueue(empty(404));

    assertThat(attic().setDevicePolicy(CAROL, "carol", DevicePolicy.ANY)).isFalse();
  }

  @Test
  void forgettingADeviceDeletesItByItsServerIdAndAGoneDeviceIsFine() throws Exception {
    RemoteDevice pixel = new RemoteDevice("14", "a1b2", "Pixel 8", "Emby for Android", CAROL, null);
    server.enqueue(empty(204));
    server.enqueue(empty(404));

    attic().forget(pixel);
    attic().forget(pixel);

    RecordedRequest delete = take(server);
    assertThat(line(delete)).isEqualTo("DELETE /emby/Devices");
    assertThat(delete.getUrl().queryParameter("Id")).isEqualTo("14");
    assertThat(line(take(server))).isEqualTo("DELETE /emby/Devices");
  }

  @Test
  void aRefusedDeleteSaysWhichDevice() {
    server.enqueue(empty(500));
    server.enqueue(empty(500));
    server.enqueue(empty(500));
    server.enqueue(empty(500));

    assertThatThrownBy(
            () ->
                attic()
                    .forget(
                        new RemoteDevice("14", null, "Pixel 8", "Emby for Android", CAROL, null)))
        .isInstanceOf(MediaServerException.class)
        .hasMessageContaining("Pixel 8 (Emby for Android)");
  }
}
