package io.usher.media.jellyfin;

import static io.usher.media.jellyfin.JellyfinBodies.ALICE;
import static io.usher.media.jellyfin.JellyfinBodies.MOVIES;
import static io.usher.media.jellyfin.JellyfinBodies.NEW_POLICY;
import static io.usher.media.jellyfin.JellyfinBodies.SHOWS;
import static io.usher.media.jellyfin.JellyfinBodies.policy;
import static io.usher.media.jellyfin.JellyfinBodies.user;
import static io.usher.media.mediabrowser.FakeMediaBrowser.JSON;
import static io.usher.media.mediabrowser.FakeMediaBrowser.body;
import static io.usher.media.mediabrowser.FakeMediaBrowser.empty;
import static io.usher.media.mediabrowser.FakeMediaBrowser.json;
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

class JellyfinShareTest {
  static final RemoteUser ALICE_USER =
      new RemoteUser(ALICE, "alice", null, null, List.of(MOVIES), false, false, null, null);

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

  static ShareRequest request(String password) {
    return new ShareRequest(
        "alice@example.com", "alice", password, List.of(MOVIES, SHOWS), false, true, 2);
  }

  /** What Usher should POST: the policy it read, with exactly these fields changed. */
  static JsonNode expected(String readPolicy, String changes) {
    ObjectNode policy = (ObjectNode) JSON.readTree(readPolicy);
    policy.setAll((ObjectNode) JSON.readTree("{" + changes + "}"));
    return policy;
  }

  @Test
  void aShareCreatesTheUserWithItsPasswordThenWritesBackTheWholePolicy() throws Exception {
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(empty(204));

    ShareResult result = den().share(request("s3cret-Pass"));

    assertThat(result).isEqualTo(new ShareResult(ALICE, "alice", null, false, "s3cret-Pass"));
    RecordedRequest create = take(server);
    assertThat(line(create)).isEqualTo("POST /Users/New");
    assertThat(body(create))
        .isEqualTo(JSON.readTree("{\"Name\":\"alice\",\"Password\":\"s3cret-Pass\"}"));
    assertThat(line(take(server))).isEqualTo("GET /Users/" + ALICE);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /Users/" + ALICE + "/Policy");
    assertThat(body(write))
        .isEqualTo(
            expected(
                NEW_POLICY,
                """
                "EnableAllFolders":false,"EnabledFolders":["%s","%s"],"IsDisabled":false,
                "EnableContentDownloading":false,"EnableVideoPlaybackTranscoding":true,
                "IsHidden":true"""
                    .formatted(MOVIES, SHOWS)));
    assertThat(body(write).path("AuthenticationProviderId").stringValue())
        .isEqualTo("Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider");
    assertThat(body(write).path("PasswordResetProviderId").stringValue())
        .isEqualTo("Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider");
    assertThat(body(write).has("SimultaneousStreamLimit")).isFalse();
    assertThat(body(write).path("MaxActiveSessions").asInt()).isZero();
  }

  @Test
  void withoutAPasswordUsherMakesUpAnUnambiguousOneAndReturnsIt() throws Exception {
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(empty(204));

    ShareResult result = den().share(request(null));

    assertThat(result.password())
        .hasSize(16)
        .matches("[A-Za-z2-9]{16}")
        .doesNotContain("0", "O", "1", "l", "I", "o");
    assertThat(body(take(server)).path("Password").stringValue()).isEqualTo(result.password());
  }

  @Test
  void aTakenNameIsAnInvalidAccountAndNothingElseIsSent() {
    server.enqueue(text(400, "A user with the name 'alice' already exists."));

    assertThatThrownBy(() -> den().share(request("pw")))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ACCOUNT))
        .hasMessage("Jellyfin server Den already has a user named alice; choose another username.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aNameWithCharactersJellyfinRefusesIsAnInvalidAccountWithItsReason() {
    server.enqueue(
        json(
            400,
            """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1",
             "title":"One or more validation errors occurred.","status":400,
             "errors":{"Name":["Usernames can contain unicode symbols, numbers (0-9), dashes (-),\
             underscores (_), apostrophes ('), and periods (.)"]}}"""));

    assertThatThrownBy(() -> den().share(request("pw")))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ACCOUNT))
        .hasMessageStartingWith("Jellyfin server Den refused the username alice: Usernames can")
        .hasMessageEndingWith("periods (.).");
  }

  @Test
  void aPolicyThatFailsDeletesTheNewUserWhoWouldOtherwiseSeeEverything() throws Exception {
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(text(500, "NOT NULL constraint failed: Users.AuthenticationProviderId"));
    server.enqueue(empty(204));

    assertThatThrownBy(() -> den().share(request("pw")))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
        .hasMessage(
            "Jellyfin server Den did not take what alice may watch, so Usher deleted the new"
                + " account again; try later.");
    take(server);
    take(server);
    take(server);
    assertThat(line(take(server))).isEqualTo("DELETE /Users/" + ALICE);
  }

  @Test
  void whenEvenTheDeleteFailsTheOwnerIsToldToDeleteTheAccount() {
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(text(500, ""));
    server.enqueue(text(403, ""));

    assertThatThrownBy(() -> den().share(request("pw")))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
        .hasMessageContaining("delete alice in the server's dashboard");
  }

  @Test
  void aRefusedKeyWhileCreatingIsUnauthorized() {
    server.enqueue(text(401, ""));

    assertThatThrownBy(() -> den().share(request("pw")))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
  }

  @Test
  void changingLibrariesWritesTheWholePolicyWithOnlyTheFoldersChanged() throws Exception {
    String current = policy("\"EnableAllFolders\":false,\"EnabledFolders\":[\"" + MOVIES + "\"]");
    server.enqueue(ok(user(ALICE, "alice", current)));
    server.enqueue(empty(204));

    den().updateLibraries(ALICE_USER, List.of(SHOWS));

    assertThat(line(take(server))).isEqualTo("GET /Users/" + ALICE);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /Users/" + ALICE + "/Policy");
    assertThat(body(write))
        .isEqualTo(
            expected(current, "\"EnableAllFolders\":false,\"EnabledFolders\":[\"" + SHOWS + "\"]"));
  }

  @Test
  void changingAccessWritesTheWholePolicyWithTheFoldersAndDownloadsChanged() throws Exception {
    String current =
        policy(
            "\"EnableAllFolders\":false,\"EnabledFolders\":[\""
                + MOVIES
                + "\"],\"EnableContentDownloading\":true");
    server.enqueue(ok(user(ALICE, "alice", current)));
    server.enqueue(empty(204));

    den().updateAccess(ALICE_USER, List.of(SHOWS), false);

    assertThat(line(take(server))).isEqualTo("GET /Users/" + ALICE);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /Users/" + ALICE + "/Policy");
    assertThat(body(write))
        .as("the rest of the policy sent back as it was read")
        .isEqualTo(
            expected(
                current,
                "\"EnableAllFolders\":false,\"EnabledFolders\":[\""
                    + SHOWS
                    + "\"],\"EnableContentDownloading\":false"));
  }

  @Test
  void changingLibrariesToNoneIsAProgrammingError() {
    assertThatThrownBy(() -> den().updateLibraries(ALICE_USER, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void changingLibrariesOfAUserWhoIsGoneIsNotFound() {
    server.enqueue(text(404, ""));

    assertThatThrownBy(() -> den().updateLibraries(ALICE_USER, List.of(SHOWS)))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("Jellyfin server Den has no user alice any more.");
  }

  @Test
  void removingDisablesTheAccountAndEmptiesItsLibrariesKeepingEverythingElse() throws Exception {
    String current = policy("\"EnableAllFolders\":false,\"EnabledFolders\":[\"" + MOVIES + "\"]");
    server.enqueue(ok(user(ALICE, "alice", current)));
    server.enqueue(empty(204));

    den().remove(ALICE_USER);

    take(server);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /Users/" + ALICE + "/Policy");
    assertThat(body(write))
        .isEqualTo(
            expected(
                current, "\"IsDisabled\":true,\"EnableAllFolders\":false,\"EnabledFolders\":[]"));
    assertThat(body(write).path("SomethingFromJellyfin13").path("Keep").stringValue())
        .isEqualTo("me");
  }

  @Test
  void removingAUserWhoIsAlreadyGoneIsFine() throws Exception {
    server.enqueue(text(404, ""));

    den().remove(ALICE_USER);

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void removingAnAdministratorIsRefusedWithJellyfinsReason() {
    server.enqueue(ok(user(ALICE, "alice", policy("\"IsAdministrator\":true"))));
    server.enqueue(text(403, "Administrators cannot be disabled."));

    assertThatThrownBy(() -> den().remove(ALICE_USER))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED))
        .hasMessage(
            "Jellyfin server Den refused to change what alice may watch: Administrators cannot"
                + " be disabled.");
  }

  @Test
  void aUserAnswerWithoutPolicyIsNeverWrittenBack() {
    server.enqueue(ok("{\"Name\":\"alice\",\"Id\":\"" + ALICE + "\"}"));

    assertThatThrownBy(() -> den().remove(ALICE_USER))
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aNewUserThatVanishesBeforeItsPolicyIsSetIsNotAShare() {
    server.enqueue(ok(user(ALICE, "alice", NEW_POLICY)));
    server.enqueue(text(404, ""));
    server.enqueue(text(404, ""));

    assertThatThrownBy(() -> den().share(request("pw")))
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void restoringEnablesTheKeptAccountWithThePlansLibraries() throws Exception {
    String disabled =
        policy("\"IsDisabled\":true,\"EnableAllFolders\":false,\"EnabledFolders\":[]");
    server.enqueue(ok(user(ALICE, "alice", disabled)));
    server.enqueue(empty(204));

    var result = den().restore(ALICE_USER, request(null));

    take(server);
    RecordedRequest write = take(server);
    assertThat(line(write)).isEqualTo("POST /Users/" + ALICE + "/Policy");
    assertThat(body(write).path("IsDisabled").booleanValue()).isFalse();
    assertThat(body(write).path("EnabledFolders").toString()).contains(MOVIES).contains(SHOWS);
    assertThat(body(write).path("SomethingFromJellyfin13").path("Keep").stringValue())
        .isEqualTo("me");
    assertThat(result.accountId()).isEqualTo(ALICE);
    assertThat(result.password()).as("the kept password stays").isNull();
    assertThat(server.getRequestCount()).as("no new user created").isEqualTo(2);
  }
}
