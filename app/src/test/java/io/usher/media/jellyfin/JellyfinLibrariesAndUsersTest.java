package io.usher.media.jellyfin;

import static io.usher.media.jellyfin.JellyfinBodies.ALICE;
import static io.usher.media.jellyfin.JellyfinBodies.MOVIES;
import static io.usher.media.jellyfin.JellyfinBodies.OWNER;
import static io.usher.media.jellyfin.JellyfinBodies.SHOWS;
import static io.usher.media.jellyfin.JellyfinBodies.policy;
import static io.usher.media.jellyfin.JellyfinBodies.user;
import static io.usher.media.mediabrowser.FakeMediaBrowser.line;
import static io.usher.media.mediabrowser.FakeMediaBrowser.ok;
import static io.usher.media.mediabrowser.FakeMediaBrowser.take;
import static io.usher.media.mediabrowser.FakeMediaBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.media.MediaLibrary;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.domain.media.RemoteUser;
import io.usher.domain.media.ServerConnection;
import io.usher.domain.media.ServerKind;
import io.usher.media.mediabrowser.FakeMediaBrowser;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class JellyfinLibrariesAndUsersTest {
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

  @Test
  void librariesAreTheMediaFoldersWithTheirIdAsSharingId() throws Exception {
    server.enqueue(
        ok(
            """
            {"Items":[
              {"Name":"Movies","ServerId":"4f1b","Id":"%s","Etag":"e1","IsFolder":true,
               "Type":"CollectionFolder","CollectionType":"movies"},
              {"Name":"Shows","ServerId":"4f1b","Id":"%s","IsFolder":true,
               "Type":"CollectionFolder","CollectionType":"tvshows"},
              {"Name":"Mixed","ServerId":"4f1b","Id":"b0c3d9e8f7a6b5c4d3e2f1a0b9c8d7e6",
               "Type":"CollectionFolder"}],
             "TotalRecordCount":3,"StartIndex":0}"""
                .formatted(MOVIES, SHOWS)));

    assertThat(den().libraries())
        .containsExactly(
            new MediaLibrary(MOVIES, "Movies", "movies"),
            new MediaLibrary(SHOWS, "Shows", "tvshows"),
            new MediaLibrary("b0c3d9e8f7a6b5c4d3e2f1a0b9c8d7e6", "Mixed", null));
    assertThat(line(take(server))).isEqualTo("GET /Library/MediaFolders");
  }

  @Test
  void librariesWithoutItemsAreAnUnexpectedResponse() {
    server.enqueue(ok("[]"));

    assertThatThrownBy(() -> den().libraries())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void usersLeaveOutTheAdministratorAndDisabledAccounts() throws Exception {
    server.enqueue(
        ok(
            "["
                + user(OWNER, "owner", policy("\"IsAdministrator\":true,\"IsHidden\":false"))
                + ","
                + user(
                    ALICE,
                    "alice",
                    policy(
                        "\"EnableAllFolders\":false,\"EnabledFolders\":[\"%s\",\"%s\"]"
                            .formatted(MOVIES, SHOWS)))
                + ","
                + user("5e4d3c2b1a0f49e8d7c6b5a4f3e2d1c0", "bob", policy(""))
                + ","
                + user("77aa88bb99cc4ddeeff0011223344556", "expired", policy("\"IsDisabled\":true"))
                + "]"));

    List<RemoteUser> users = den().users();

    assertThat(users)
        .containsExactly(
            new RemoteUser(
                ALICE, "alice", null, null, List.of(MOVIES, SHOWS), false, false, null, null, true),
            new RemoteUser(
                "5e4d3c2b1a0f49e8d7c6b5a4f3e2d1c0",
                "bob",
                null,
                null,
                List.of(),
                true,
                false,
                null,
                null,
                true));
    assertThat(line(take(server))).isEqualTo("GET /Users");
  }

  @Test
  void aUserWithoutPolicyIsAnUnexpectedResponse() {
    server.enqueue(ok("[{\"Name\":\"alice\",\"Id\":\"" + ALICE + "\"}]"));

    assertThatThrownBy(() -> den().users())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void usersThatAreNotAnArrayAreAnUnexpectedResponse() {
    server.enqueue(ok("{\"Items\":[]}"));

    assertThatThrownBy(() -> den().users())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void aRefusedKeyWhileListingUsersIsUnauthorized() {
    server.enqueue(text(401, ""));

    assertThatThrownBy(() -> den().users())
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessageStartingWith("Jellyfin server Den refused the API key");
  }
}
