package io.usher.domain.enforce;

import java.util.Arrays;

/** Why enforcement stops a stream or signs out a device. Stored by {@link #code()}. */
public enum Reason {
  /** More streams at once, across all servers, than the plan allows. */
  TOO_MANY_STREAMS("too-many-streams", "Too many streams"),
  /** Video transcoding on a plan without transcoding. */
  TRANSCODE_NOT_ALLOWED("transcode-not-allowed", "Transcoding not in plan"),
  /** Transcoding 4K on a server set not to. */
  TRANSCODE_4K_NOT_ALLOWED("transcode-4k-not-allowed", "4K transcoding off on server"),
  /** More Emby devices than the plan allows: the least recently used was signed out. */
  TOO_MANY_DEVICES("too-many-devices", "Too many devices");

  private final String code;
  private final String label;

  Reason(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Reason fromCode(String code) {
    return Arrays.stream(values())
        .filter(r -> r.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no reason " + code));
  }
}
