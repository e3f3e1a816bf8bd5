package io.usher.notify.discord;

import io.usher.domain.common.Inputs;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.notify.Discord;
import io.usher.domain.notify.DiscordException;
import io.usher.http.Http;
import io.usher.http.HttpReply;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Discord's REST API through the bot token: the four calls Usher needs, over the shared {@link
 * Http} (which waits out 429s). The address and token are read on every call, so a changed setting
 * applies at once. The token only ever travels in the Authorization header; it is never logged or
 * put in a message.
 */
public final class DiscordClient implements Discord {
  static final String WHO = "Discord";
  static final String USER_AGENT = "DiscordBot (https://usher.invalid, 0.1)";

  /** Discord's limit on a message's content. */
  static final int MAX_CONTENT = 2000;

  static final int UNKNOWN_MEMBER = 10007;
  static final int UNKNOWN_ROLE = 10011;
  static final int UNKNOWN_USER = 10013;
  static final int MISSING_ACCESS = 50001;
  static final int CANNOT_DM = 50007;
  static final int MISSING_PERMISSIONS = 50013;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String REASON = "Usher: subscription status";

  private final Http http;
  private final Supplier<String> baseUrl;
  private final Supplier<String> token;

  /**
   * @param baseUrl the API address (the discord.api-url setting, or its override)
   * @param token the bot token ({@code discord.bot-token})
   */
  public DiscordClient(Http http, Supplier<String> baseUrl, Supplier<String> token) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  @Override
  public String test() {
    HttpReply reply = send(request(url("users", "@me")).get(), "checking the bot token");
    if (!reply.ok()) {
      throw failure(reply, "checking the bot token");
    }
    JsonNode bot = read(reply, "checking the bot token");
    String name = bot.path("username").asString("");
    if (name.isBlank()) {
      throw unreadable("checking the bot token", null);
    }
    return name;
  }

  @Override
  public DmResult dm(String userId, String text) {
    String user = id(userId, "user");
    String doing = "opening a direct message";
    HttpReply opened =
        send(
            request(url("users", "@me", "channels"))
                .post(json(Map.of("recipient_id", user)))
                .build(),
            doing);
    if (!opened.ok()) {
      if (code(opened) == CANNOT_DM) {
        return DmResult.DMS_CLOSED;
      }
      throw failure(opened, doing);
    }
    String channel = read(opened, doing).path("id").asString("");
    if (!channel.matches("\\d+")) {
      throw unreadable(doing, null);
    }
    doing = "sending a direct message";
    HttpReply posted =
        send(
            request(url("channels", channel, "messages"))
                .post(json(Map.of("content", Inputs.clip(text == null ? "" : text, MAX_CONTENT))))
                .build(),
            doing);
    if (posted.ok()) {
      return DmResult.SENT;
    }
    if (code(posted) == CANNOT_DM) {
      return DmResult.DMS_CLOSED;
    }
    throw failure(posted, doing);
  }

  @Override
  public MemberResult addRole(String guildId, String userId, String roleId) {
    return member(
        request(role(guildId, userId, roleId)).put(RequestBody.EMPTY).build(), "giving a role");
  }

  @Override
  public MemberResult removeRole(String guildId, String userId, String roleId) {
    return member(request(role(guildId, userId, roleId)).delete().build(), "taking a role away");
  }

  @Override
  public MemberResult kick(String guildId, String userId) {
    HttpUrl url = url("guilds", id(guildId, "server (guild)"), "members", id(userId, "user"));
    return member(request(url).delete().build(), "removing a member from the server");
  }

  private MemberResult member(Request request, String doing) {
    HttpReply reply = send(request, doing);
    if (reply.ok()) {
      return MemberResult.DONE;
    }
    if (code(reply) == UNKNOWN_MEMBER) {
      return MemberResult.NOT_IN_SERVER;
    }
    throw failure(reply, doing);
  }

  private HttpUrl role(String guildId, String userId, String roleId) {
    return url(
        "guilds",
        id(guildId, "server (guild)"),
        "members",
        id(userId, "user"),
        "roles",
        id(roleId, "role"));
  }

  private HttpReply send(Request.Builder builder, String doing) {
    return send(builder.build(), doing);
  }

  private HttpReply send(Request request, String doing) {
    try {
      return http.send(request, WHO);
    } catch (MediaServerException e) {
      throw new DiscordException(e.getMessage(), e.passing(), e);
    }
  }

  private Request.Builder request(HttpUrl url) {
    String bot = token.get();
    if (bot == null || bot.isBlank()) {
      throw new DiscordException("Discord is not set up: set the bot token first.", false);
    }
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bot " + bot.strip())
        .header("User-Agent", USER_AGENT)
        .header("Accept", "application/json")
        .header("X-Audit-Log-Reason", REASON);
  }

  private HttpUrl url(String... segments) {
    String base = baseUrl.get();
    HttpUrl parsed = base == null ? null : HttpUrl.parse(base.strip());
    if (parsed == null) {
      throw new DiscordException(
          "The Discord API address '" + base + "' is not a web address.", false);
    }
    HttpUrl.Builder url = parsed.newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  private RequestBody json(Map<String, String> body) {
    return RequestBody.create(http.json().writeValueAsString(body), JSON);
  }

  /** Snowflakes only, so nothing typed in a setting can change the path. */
  private static String id(String value, String what) {
    String id = value == null ? "" : value.strip();
    if (!id.matches("\\d{1,25}")) {
      throw new DiscordException(
          "'"
              + (value == null ? "" : value)
              + "' is not a Discord "
              + what
              + " id (a long number).",
          false);
    }
    return id;
  }

  /** Discord's JSON error code, or 0 when the body has none. */
  private int code(HttpReply reply) {
    try {
      return http.json().readTree(reply.body()).path("code").asInt(0);
    } catch (JacksonException | IllegalArgumentException e) {
      return 0;
    }
  }

  private JsonNode read(HttpReply reply, String doing) {
    try {
      return http.json().readTree(reply.body());
    } catch (JacksonException e) {
      throw unreadable(doing, e);
    }
  }

  private DiscordException failure(HttpReply reply, String doing) {
    int status = reply.code();
    int code = code(reply);
    if (status == 401) {
      return new DiscordException(
          "Discord refused the bot token: copy it again from the Developer Portal (Bot, Reset"
              + " Token) into discord.bot-token.",
          false);
    }
    return switch (code) {
      case UNKNOWN_ROLE ->
          new DiscordException(
              "Discord does not know that role while "
                  + doing
                  + ": check discord.subscriber-role and discord.trial-role.",
              false);
      case UNKNOWN_USER ->
          new DiscordException(
              "Discord does not know that user while " + doing + ": check their Discord id.",
              false);
      case MISSING_PERMISSIONS ->
          new DiscordException(
              "The bot lacks the permission for "
                  + doing
                  + ": give it Manage Roles and Kick Members, with its role above the roles it"
                  + " hands out.",
              false);
      case MISSING_ACCESS ->
          new DiscordException(
              "The bot cannot reach that server while "
                  + doing
                  + ": check discord.guild-id and that the bot was added to the server.",
              false);
      default ->
          status >= 500
              ? new DiscordException(
                  "Discord failed (HTTP " + status + ") while " + doing + "; Usher tries again.",
                  true)
              : status == 404
                  ? new DiscordException(
                      "Discord does not know what Usher asked for while "
                          + doing
                          + ": check discord.guild-id and the role ids.",
                      false)
                  : new DiscordException(
                      "Discord refused "
                          + doing
                          + " (HTTP "
                          + status
                          + (code == 0 ? "" : ", code " + code)
                          + ").",
                      false);
    };
  }

  private static DiscordException unreadable(String doing, Throwable cause) {
    return new DiscordException(
        "Discord sent an answer Usher cannot read while " + doing + ".", false, cause);
  }
}
