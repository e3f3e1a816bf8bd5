package io.usher.application.users;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.Inputs;
import io.usher.domain.common.NotFoundException;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.users.Emails;
import io.usher.domain.users.User;
import io.usher.domain.users.UserStore;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the owner names a user where Usher used to take only an email: a Jellyfin or Emby user found
 * by sync has none until the owner adds it. A reference is
 *
 * <ul>
 *   <li>an email whenever it contains {@code @} (and only then);
 *   <li>{@code #ID} or {@code id:ID}: Usher's user id, as {@code usher users} lists it;
 *   <li>else a name: the user's name or the account of one of their shares, ignoring case; a name
 *       several users answer to is refused with their ids, so the owner picks one.
 * </ul>
 *
 * The one place these rules live: every service that takes a user from a person uses it.
 */
public final class UserLookup {
  /** Longer than any name or share account Usher stores: no user can be called that. */
  private static final int MAX_REFERENCE = 320;

  private static final int SHOWN = 60;

  private final UserStore users;

  public UserLookup(UserStore users) {
    this.users = users;
  }

  /** The user {@code reference} names; "There is no user with email …" for an unknown email. */
  public User find(String reference) {
    return find(
        reference, email -> new NotFoundException("There is no user with email " + email + "."));
  }

  /**
   * The user {@code reference} names.
   *
   * @param noSuchEmail the refusal for an email no user has (given the normalised email): each
   *     caller keeps the sentence its screen or command has always shown
   */
  public User find(String reference, Function<String, ? extends UsherException> noSuchEmail) {
    String typed = reference == null ? "" : reference.strip();
    if (typed.isEmpty() || typed.contains("@")) {
      String email = Emails.normalize("email", typed);
      return users.byEmail(email).orElseThrow(() -> noSuchEmail.apply(email));
    }
    String id = idPart(typed);
    if (id != null) {
      long userId = userId(typed, id);
      return users
          .byId(userId)
          .orElseThrow(
              () ->
                  new NotFoundException(
                      "No user has the id " + userId + ": `usher users` lists the ids."));
    }
    List<User> named = typed.length() > MAX_REFERENCE ? List.of() : users.byNameOrAccount(typed);
    if (named.isEmpty()) {
      throw new NotFoundException(
          "No user is called "
              + shown(typed)
              + ": give their email, their #ID from `usher users`, or their name or server"
              + " account name.");
    }
    if (named.size() > 1) {
      throw new ConflictException(
          named.size()
              + " users are called "
              + shown(typed)
              + " ("
              + named.stream()
                  .map(u -> "#" + u.id() + " " + u.who())
                  .collect(Collectors.joining(", "))
              + "): give the one you mean as #ID.");
    }
    return named.getFirst();
  }

  /** The digits after {@code #} or {@code id:}, or null when the reference is not an id. */
  private static String idPart(String typed) {
    if (typed.startsWith("#")) {
      return typed.substring(1).strip();
    }
    if (typed.toLowerCase(Locale.ROOT).startsWith("id:")) {
      return typed.substring(3).strip();
    }
    return null;
  }

  private static long userId(String typed, String digits) {
    if (Inputs.asciiInteger(digits) && !digits.startsWith("-") && !digits.startsWith("+")) {
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException tooLong) {
        // below: no user has an id that long
      }
    }
    throw ValidationException.of(
        "user",
        shown(typed) + " is not a user id: write #ID with the number `usher users` shows, as #12.");
  }

  /** The reference quoted, shortened and with control characters shown as '?': one line. */
  private static String shown(String typed) {
    String cut = typed.length() > SHOWN ? typed.substring(0, SHOWN) + "…" : typed;
    StringBuilder out = new StringBuilder("'");
    cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.append('\'').toString();
  }
}
