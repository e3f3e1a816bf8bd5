package io.usher.media.emby;

import io.usher.media.mediabrowser.FakeMediaBrowser;
import tools.jackson.databind.node.ObjectNode;

/** Answers shaped like Emby 4.8 sends them (field names from its openapi_v3.json). */
final class EmbyBodies {
  static final String SERVER_ID = "d2f6a1b3c4e5476890abcdef12345678";
  static final String CAROL = "c4b1e6d0a2f34d5b8e9c7a6b5d4e3f21";
  static final String OWNER = "1a2b3c4d5e6f47089a0b1c2d3e4f5a6b";
  static final String MOVIES_GUID = "b8f1c2d3e4a5968778695a4b3c2d1e0f";
  static final String SHOWS_GUID = "7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a";

  private EmbyBodies() {}

  static final String SYSTEM_INFO =
      """
      {"OperatingSystemDisplayName":"Linux","HasPendingRestart":false,"IsShuttingDown":false,
       "OperatingSystem":"Linux","CanSelfRestart":true,"HttpServerPortNumber":8096,
       "SupportsHttps":false,"HasUpdateAvailable":false,"LocalAddress":"http://192.168.1.30:8096",
       "WanAddress":"http://203.0.113.9:8096","ServerName":"Attic","Version":"4.8.11.0",
       "Id":"%s"}"""
          .formatted(SERVER_ID);

  /** A new user's policy as Emby makes it, plus a field Usher has never heard of. */
  static final String NEW_POLICY =
      """
      {"IsAdministrator":false,"IsHidden":true,"IsHiddenRemotely":true,
       "IsHiddenFromUnusedDevices":false,"IsDisabled":false,"LockedOutDate":0,
       "AllowTagOrRating":false,"BlockedTags":[],"IsTagBlockingModeInclusive":false,
       "IncludeTags":[],"EnableUserPreferenceAccess":true,"AccessSchedules":[],
       "BlockUnratedItems":[],"EnableRemoteControlOfOtherUsers":false,
       "EnableSharedDeviceControl":true,"EnableRemoteAccess":true,"EnableLiveTvManagement":false,
       "EnableLiveTvAccess":true,"EnableMediaPlayback":true,"EnableAudioPlaybackTranscoding":true,
       "EnableVideoPlaybackTranscoding":true,"EnablePlaybackRemuxing":true,
       "EnableContentDeletion":false,"RestrictedFeatures":[],"EnableContentDeletionFromFolders":[],
       "EnableContentDownloading":true,"EnableSubtitleDownloading":true,
       "EnableSubtitleManagement":false,"EnableSyncTranscoding":true,"EnableMediaConversion":true,
       "EnabledChannels":[],"EnableAllChannels":true,"EnabledFolders":[],"EnableAllFolders":true,
       "InvalidLoginAttemptCount":0,"EnablePublicSharing":true,"BlockedMediaFolders":[],
       "RemoteClientBitrateLimit":0,
       "AuthenticationProviderId":"Emby.Server.Implementations.Library.DefaultAuthenticationProvider",
       "ExcludedSubFolders":[],"SimultaneousStreamLimit":0,"EnabledDevices":[],
       "EnableAllDevices":true,"AllowCameraUpload":true,"AllowSharingPersonalItems":false,
       "PasswordResetProviderId":"Emby.Server.Implementations.Library.DefaultPasswordResetProvider",
       "SomethingFromEmby49":[1,2,3]}""";

  static String user(String id, String name, String policy) {
    return """
        {"Name":"%s","ServerId":"%s","Prefix":"C","DateCreated":"2026-09-14T10:00:00.0000000Z",
         "Id":"%s","HasPassword":false,"HasConfiguredPassword":false,
         "HasConfiguredEasyPassword":false,"Configuration":{"PlayDefaultAudioTrack":true},
         "Policy":%s}"""
        .formatted(name, SERVER_ID, id, policy);
  }

  static String policy(String changes) {
    ObjectNode policy = (ObjectNode) FakeMediaBrowser.JSON.readTree(NEW_POLICY);
    policy.setAll((ObjectNode) FakeMediaBrowser.JSON.readTree("{" + changes + "}"));
    return policy.toString();
  }

  /** MediaFolders as Emby 4.7+ lists them: a numeric Id and the Guid sharing needs. */
  static final String MEDIA_FOLDERS =
      """
      {"Items":[
        {"Name":"Movies","ServerId":"%1$s","Id":"3","Guid":"%2$s","Etag":"6d1f",
         "DateCreated":"2026-01-02T00:00:00.0000000Z","CanDelete":false,"CanDownload":false,
         "SortName":"movies","Type":"CollectionFolder","CollectionType":"movies","IsFolder":true},
        {"Name":"TV","ServerId":"%1$s","Id":"7","Guid":"%3$s","Type":"CollectionFolder",
         "CollectionType":"tvshows","IsFolder":true}],
       "TotalRecordCount":2}"""
          .formatted(SERVER_ID, MOVIES_GUID, SHOWS_GUID);
}
