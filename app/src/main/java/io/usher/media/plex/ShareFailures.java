package io.usher.media.plex;

import static io.usher.media.plex.PlexApi.text;

import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.MediaServerException.Kind;
import io.usher.http.HttpReply;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Why plex.tv refused a share, from its status and what its body says: v2 answers JSON {@code
 * {"errors":[{"code","message","status"}]}}, v1 XML {@code <Response code status/>} (api-facts 1.1,
 * 1.8). plex.tv documents none of its wording, so the phrases matched here are deliberately loose.
 */
final class ShareFailures {
  private static final Pattern FULL = Pattern.compile("limit|maximum|too many");
  private static final Pattern NO_ACCOUNT =
      Pattern.compile(
          "not a (valid )?plex|invalid|not (be )?found|doesn't exist|does not exist|no such"
              + "|unknown user|not a user");
  private static final int MAX_QUOTE = 200;

  private final PlexApi api;
  private final String token;

  ShareFailures(PlexApi api, String token) {
    this.api = api;
    this.token = token;
  }

  MediaServerException of(HttpReply reply, String who, String label, String doing) {
    int code = reply.code();
    boolean refusal = code == 400 || code == 403 || code == 409 || code == 422;
    if (!refusal || PlexApi.mentions(reply, "invalid token")) {
      return PlexApi.tvFailure(reply, doing);
    }
    String reason = reason(reply);
    String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    String quoted = reason == null ? "" : " (plex.tv: \"" + reason + "\")";
    if (lower.contains("already")) {
      return alreadyShared(who, label, quoted);
    }
    if (FULL.matcher(lower).find()) {
      return new MediaServerException(
          Kind.SERVER_FULL,
          label + " cannot take more shares" + quoted + "; remove a share first.");
    }
    if (NO_ACCOUNT.matcher(lower).find()) {
      return new MediaServerException(
          Kind.INVALID_ACCOUNT,
          "plex.tv does not accept "
              + who
              + " as a Plex account"
              + quoted
              + "; check the email or username.");
    }
    if (code == 422) {
      // v2 answers a bare 422 for a duplicate share (api-facts 1.8).
      return alreadyShared(who, label, quoted);
    }
    return new MediaServerException(
        Kind.REFUSED,
        "plex.tv refused "
            + doing
            + " (HTTP "
            + code
            + (reason == null ? "" : ": \"" + reason + "\"")
            + ").");
  }

  private static MediaServerException alreadyShared(String who, String label, String quoted) {
    return new MediaServerException(
        Kind.ALREADY_SHARED,
        who
            + " already has a share on "
            + label
            + quoted
            + "; change their libraries instead of inviting them again.");
  }

  /** What plex.tv said, without the token and cut short; null when it said nothing readable. */
  String reason(HttpReply reply) {
    String body = reply.body() == null ? "" : reply.body().strip();
    String said = null;
    try {
      if (body.startsWith("{")) {
        said = text(api.http().json().readTree(body).path("errors").path(0), "message");
      } else if (body.startsWith("<")) {
        said = text(api.http().xml().readTree(body), "status");
      }
    } catch (JacksonException e) {
      said = null;
    }
    if (said == null) {
      return null;
    }
    if (token != null && !token.isBlank()) {
      said = said.replace(token, "[token]");
    }
    return said.length() > MAX_QUOTE ? said.substring(0, MAX_QUOTE) + "…" : said;
  }
}
