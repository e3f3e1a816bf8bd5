package io.usher.media.emby;

import static io.usher.media.emby.EmbyBodies.CAROL;
import static io.usher.media.emby.EmbyBodies.MEDIA_FOLDERS;
import static io.usher.media.emby.EmbyBodies.MOVIES_GUID;
import static io.usher.media.emby.EmbyBodies.OWNER;
import static io.usher.media.emby.EmbyBodies.SHOWS_GUID;
import static io.usher.media.emby.EmbyBodies.policy;
import static io.usher.media.emby.EmbyBodies.user;
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

class EmbyLibrariesAndUsersTest {
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
  void librariesAreSharedByGuidNeverByTheNumericId() throws Exception {
    server.enqueue(ok(MEDIA_FOLDERS));

    List<MediaLibrary> libraries = attic().libraries();

    assertThat(libraries)
        .containsExactly(
            new MediaLibrary(MOVIES_GUID, "Movies", "movies"),
            new MediaLibrary(SHOWS_GUID, "TV", "tvshows"));
    assertThat(libraries).extracting(MediaLibrary::providerId).doesNotContain("3", "7");
    assertThat(line(take(server))).isEqualTo("GET /emby/Library/MediaFolders");
  }

  @Test
  void aServerOlderThanGuidsIsSharedByItsGuidLikeId() {
    server.enqueue(
        ok(
            """
            {"Items":[{"Name":"Movies","Id":"f137a2dd21bbc1b99aa5c0f6bf02a805",
             "CollectionType":"movies"}],"TotalRecordCount":1}"""));

    assertThat(attic().libraries())
        .containsExactly(new MediaLibrary("f137a2dd21bbc1b99aa5c0f6bf02a805", "Movies", "movies"));
  }

  @Test
  void aLibraryWithOnlyANumericIdIsAnUnexpectedResponseRatherThanASilentlyIgnoredShare() {
    server.enqueue(
        ok("{\"Items\":[{\"Name\":\"Movies\",\"Id\":\"3\",\"CollectionType\":\"movies\"}]}"));

    assertThatThrownBy(() -> attic().libraries())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  static String everyone() {
    return user(OWNER, "owner", policy("\"IsAdministrator\":true"))
        + ","
        + user(
            CAROL,
            "carol",
            policy("\"EnableAllFolders\":false,\"EnabledFolders\":[\"" + MOVIES_GUID + "\"]"))
        + ","
        + user("99887766554433221100ffeeddccbbaa", "lapsed", policy("\"IsDisabled\":true"));
  }

  static final RemoteUser CAROL_USER =
      new RemoteUser(
          CAROL, "carol", null, null, List.of(MOVIES_GUID), false, false, null, null, true);

  @Test
  void usersComeFromUsersQueryWithoutTheOwnerAndDisabledAccounts() throws Exception {
    server.enqueue(ok("{\"Items\":[" + everyone() + "],\"TotalRecordCount\":3}"));

    assertThat(attic().users()).containsExactly(CAROL_USER);
    assertThat(line(take(server))).isEqualTo("GET /emby/Users/Query");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anOlderServerWithoutUsersQueryIsAskedForTheBareUserList() throws Exception {
    server.enqueue(text(404, ""));
    server.enqueue(ok("[" + everyone() + "]"));

    assertThat(attic().users()).containsExactly(CAROL_USER);
    assertThat(line(take(server))).isEqualTo("GET /emby/Users/Query");
    assertThat(line(take(server))).isEqualTo("GET /emby/Users");
  }

  @Test
  void aUsersQueryWithoutItemsIsAnUnexpectedResponse() {
    server.enqueue(ok("[" + everyone() + "]"));

    assertThatThrownBy(() -> attic().users())
        .isInstanceOfSatisfying(
            MediaServerException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_RESPONSE));
  }

  @Test
  void aRefusedKeyWhileListingUsersIsUnauthorizedWithoutFallingBack() {
    server.enqueue(text(401, ""));

    assertThatThrownBy(() -> attic().users())
        .isInstanceOfSatisfying(
            MediaServerException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
