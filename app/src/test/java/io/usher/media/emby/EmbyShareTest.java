package io.usher.media.emby;

import static io.usher.media.emby.EmbyBodies.CAROL;
import static io.usher.media.emby.EmbyBodies.MOVIES_GUID;
import static io.usher.media.emby.EmbyBodies.NEW_POLICY;
import static io.usher.media.emby.EmbyBodies.SHOWS_GUID;
import static io.usher.media.emby.EmbyBodies.policy;
import static io.usher.media.emby.EmbyBodies.user;
import static io.usher.media.mediabrowser.FakeMediaBrowser.JSON;
import static io.usher.media.mediabrowser.FakeMediaBrowser.body;
import static io.usher.media.mediabrowser.FakeMediaBrowser.empty;
import static io.usher.media.mediabrowser.FakeMediaBrowser.line;
import static io.usher.media.mediabrowser.FakeMediaBrowser.ok;
import static io.usher.media.mediabrowser.FakeMediaBrowser.take;
import static io.usher.media.mediabrowser.FakeMediaBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;
import io.usher.domain.media.ShareRequest;
import io.usher.domain.media.ShareResult;
import io.usher.media.mediabrowser.FakeMediaBrowser;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EmbyShareTest {
  static final RemoteUser CAROL_USER =
      new RemoteUser(CAROL, "carol", null, null, List.of(MOVIES_GUID), false, false, null, null);

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMediaBrowser fake = new FakeMediaBrowser();

  EmbyServer attic() {
    return new EmbyServer(
        fake.http,
        new ServerConnection(
            ServerKind.EMBY, "Attic", server.url("/emby").toString(), "k3y", null, null),
        "usher-7f3e",
        "1.4.0");
  }

  static ShareRequest request(List<String> libraries) {
    return new ShareRequest("carol@example.com", "carol", "pw-Carol-9", libraries, true, false, 2);
  }

  static JsonNode expected(String readPolicy, String changes) {
    ObjectNode policy = (ObjectNode) JSON.readTree(readPolicy);
    policy.setAll((ObjectNode) JSON.readTree("{" + changes + "}"));
    return policy;
  }

  @Test
  void aShareCreatesByNameSetsThePasswordThenWritesTheWholePolicyWithGuids() throws Exception {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(empty(200));
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(empty(200));

    ShareResult result = attic().share(request(List.of(MOVIES_GUID, SHOWS_GUID)));

    assertThat(result).isEqualTo(new ShareResult(CAROL, "carol", null, false, "pw-Carol-9"));
    RecordedRequest create = take(server);
    assertThat(line(create)).isEqualTo("POST /emby/Users/New");
    assertThat(body(create)).isEqualTo(JSON.readTree("{\"Name\":\"carol\"}"));
    RecordedRequest password = take(server);
    assertThat(line(password)).isEqualTo("POST /emby/Users/" + CAROL + "/Password");
    assertThat(body(password))
        .isEqualTo(
            JSON.readTree(
                "{\"Id\":\""
                    + CAROL
                    + "\",\"CurrentPw\":\"\",\"NewPw\":\"pw-Carol-9\","
                    + "\"ResetPassword\":false}"));
    assertThat(password.getHeaders().get("X-Emby-Token")).isEqualTo("k3y");
    assertThat(line(take(server))).isEqualTo("GET /emby/Users/" + CAROL);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /emby/Users/" + CAROL + "/Policy");
    assertThat(body(write))
        .isEqualTo(
            expected(
                NEW_POLICY,
                """
                "EnableAllFolders":false,"EnabledFolders":["%s","%s"],"IsDisabled":false,
                "EnableContentDownloading":true,"EnableVideoPlaybackTranscoding":false,
                "IsHidden":true,"SimultaneousStreamLimit":2"""
                    .formatted(MOVIES_GUID, SHOWS_GUID)));
    assertThat(body(write).path("AuthenticationProviderId").stringValue())
        .isEqualTo("Emby.Server.Implementations.Library.DefaultAuthenticationProvider");
    assertThat(body(write).path("SomethingFromEmby49")).hasSize(3);
  }

  @Test
  void aPasswordThatCannotBeSetDeletesTheNewAccountWhichWouldOpenWithAnEmptyPassword()
      throws Exception {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(text(500, "Error processing request."));
    server.enqueue(empty(200));

    assertThatThrownBy(() -> attic().share(request(List.of(MOVIES_GUID))))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessage(
            "Emby server Attic did not set the password of carol, so Usher deleted the new"
                + " account again; try later.");
    take(server);
    take(server);
    assertThat(line(take(server))).isEqualTo("DELETE /emby/Users/" + CAROL);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void whenThePasswordAndTheDeleteBothFailTheOwnerIsToldToDeleteTheAccount() {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(text(400, "Bad request"));
    server.enqueue(text(500, ""));

    assertThatThrownBy(() -> attic().share(request(List.of(MOVIES_GUID))))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
        .hasMessage(
            "Emby server Attic did not set the password of carol and Usher could not delete the"
                + " new account: delete carol in the server's dashboard.");
  }

  @Test
  void aPolicyThatFailsAfterThePasswordAlsoDeletesTheNewAccount() throws Exception {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(empty(204));
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(text(500, ""));
    server.enqueue(empty(204));

    assertThatThrownBy(() -> attic().share(request(List.of(MOVIES_GUID))))
        .isInstanceOf(MediaServerException.class);
    for (int i = 0; i < 4; i++) {
      take(server);
    }
    assertThat(line(take(server))).isEqualTo("DELETE /emby/Users/" + CAROL);
  }

  @Test
  void numericLibraryIdsAreRefusedBeforeAnythingIsCreated() {
    assertThatThrownBy(() -> attic().share(request(List.of("3"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Guid");
    assertThatThrownBy(() -> attic().updateLibraries(CAROL_USER, List.of(MOVIES_GUID, "7")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTakenNameIsAnInvalidAccount() {
    server.enqueue(text(400, "A user with the name 'carol' already exists."));

    assertThatThrownBy(() -> attic().share(request(List.of(MOVIES_GUID))))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ACCOUNT))
        .hasMessage("Emby server Attic already has a user named carol; choose another username.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void changingLibrariesWritesGuidsIntoTheWholePolicy() throws Exception {
    String current =
        policy("\"EnableAllFolders\":false,\"EnabledFolders\":[\"" + MOVIES_GUID + "\"]");
    server.enqueue(ok(user(CAROL, "carol", current)));
    server.enqueue(empty(200));

    attic().updateLibraries(CAROL_USER, List.of(SHOWS_GUID));

    assertThat(line(take(server))).isEqualTo("GET /emby/Users/" + CAROL);
    assertThat(body(take(server)))
        .isEqualTo(
            expected(
                current, "\"EnableAllFolders\":false,\"EnabledFolders\":[\"" + SHOWS_GUID + "\"]"));
  }

  @Test
  void removingDisablesTheAccountAndKeepsItForARenewal() throws Exception {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(empty(200));

    attic().remove(CAROL_USER);

    take(server);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /emby/Users/" + CAROL + "/Policy");
    assertThat(body(write))
        .isEqualTo(
            expected(
                NEW_POLICY,
                "\"IsDisabled\":true,\"EnableAllFolders\":false,\"EnabledFolders\":[]"));
  }

  @Test
  void removingAUserGoneBetweenReadAndWriteIsFine() throws Exception {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(text(404, ""));

    attic().remove(CAROL_USER);

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPolicyRefusalIsRefusedWithEmbysReason() {
    server.enqueue(ok(user(CAROL, "carol", NEW_POLICY)));
    server.enqueue(text(403, "Administrators cannot be disabled."));

    assertThatThrownBy(() -> attic().remove(CAROL_USER))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
        .hasMessageEndingWith(": Administrators cannot be disabled.");
  }
}
