package io.usher.media.jellyfin;

import io.usher.media.mediabrowser.FakeMediaBrowser;
import tools.jackson.databind.node.ObjectNode;

/** Answers shaped like Jellyfin 10.10/10.11 sends them (PascalCase, dashless Guids). */
final class JellyfinBodies {
  static final String SERVER_ID = "4f1b0e6a3c2d4e5f8a9b0c1d2e3f4a5b";
  static final String ALICE = "9cd878dc99544affa7042bce58240bdb";
  static final String OWNER = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";
  static final String MOVIES = "f137a2dd21bbc1b99aa5c0f6bf02a805";
  static final String SHOWS = "a656b907eb3a73532e40e44b968d0225";

  private JellyfinBodies() {}

  static final String SYSTEM_INFO =
      """
      {"LocalAddress":"http://192.168.1.20:8096","ServerName":"Den","Version":"10.11.2",
       "ProductName":"Jellyfin Server","OperatingSystem":"Linux","Id":"%s",
       "StartupWizardCompleted":true}"""
          .formatted(SERVER_ID);

  /** A new user's policy as Jellyfin makes it, plus a field from a future version. */
  static final String NEW_POLICY =
      """
      {"IsAdministrator":false,"IsHidden":true,"EnableCollectionManagement":false,
       "EnableSubtitleManagement":false,"EnableLyricManagement":false,"IsDisabled":false,
       "BlockedTags":[],"AllowedTags":[],"EnableUserPreferenceAccess":true,"AccessSchedules":[],
       "BlockUnratedItems":[],"EnableRemoteControlOfOtherUsers":false,
       "EnableSharedDeviceControl":true,"EnableRemoteAccess":true,"EnableLiveTvManagement":false,
       "EnableLiveTvAccess":true,"EnableMediaPlayback":true,"EnableAudioPlaybackTranscoding":true,
       "EnableVideoPlaybackTranscoding":true,"EnablePlaybackRemuxing":true,
       "ForceRemoteSourceTranscoding":false,"EnableContentDeletion":false,
       "EnableContentDeletionFromFolders":[],"EnableContentDownloading":true,
       "EnableSyncTranscoding":true,"EnableMediaConversion":true,"EnabledDevices":[],
       "EnableAllDevices":true,"EnabledChannels":[],"EnableAllChannels":true,
       "EnabledFolders":[],"EnableAllFolders":true,"InvalidLoginAttemptCount":0,
       "LoginAttemptsBeforeLockout":-1,"MaxActiveSessions":0,"EnablePublicSharing":true,
       "BlockedMediaFolders":[],"BlockedChannels":[],"RemoteClientBitrateLimit":0,
       "AuthenticationProviderId":"Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider",
       "PasswordResetProviderId":"Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider",
       "SyncPlayAccess":"CreateAndJoinGroups","SomethingFromJellyfin13":{"Keep":"me"}}""";

  static String user(String id, String name, String policy) {
    return """
        {"Name":"%s","ServerId":"%s","Id":"%s","HasPassword":true,"HasConfiguredPassword":true,
         "EnableAutoLogin":false,"LastLoginDate":"2026-10-01T18:22:05.1234567Z",
         "Configuration":{"PlayDefaultAudioTrack":true,"SubtitleMode":"Default"},
         "Policy":%s}"""
        .formatted(name, SERVER_ID, id, policy);
  }

  /** The new-user policy with some fields changed, e.g. {@code "IsAdministrator":true}. */
  static String policy(String changes) {
    ObjectNode policy = (ObjectNode) FakeMediaBrowser.JSON.readTree(NEW_POLICY);
    policy.setAll((ObjectNode) FakeMediaBrowser.JSON.readTree("{" + changes + "}"));
    return policy.toString();
  }
}
