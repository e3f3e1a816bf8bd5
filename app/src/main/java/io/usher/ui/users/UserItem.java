package io.usher.ui.users;

import io.usher.application.queries.LedgerQueryService;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.ledger.UserStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * A row of the Users table with what filtering needs worked out once at load time, so typing in the
 * search box scans prepared strings rather than rebuilding them for every user on every key.
 */
public record UserItem(UserRow row, boolean expiringSoon, String haystack) {

  public static UserItem of(UserRow row, Instant now) {
    boolean soon =
        row.status() == UserStatus.ACTIVE
            && !row.permanent()
            && row.expires() != null
            && row.expires().isBefore(now.plus(LedgerQueryService.EXPIRING_SOON));
    String text =
        String.join(
            "\n",
            row.email() == null ? "" : row.email(),
            row.name() == null ? "" : row.name(),
            row.plan() == null ? "" : row.plan(),
            String.join("\n", row.servers()));
    return new UserItem(row, soon, text.toLowerCase(Locale.ROOT));
  }

  public boolean matches(String needle, StatusFilter filter) {
    boolean statusOk =
        switch (filter) {
          case ALL -> true;
          case ACTIVE -> row.status() == UserStatus.ACTIVE;
          case EXPIRING -> expiringSoon;
          case EXPIRED -> row.status() == UserStatus.EXPIRED;
          case PERMANENT -> row.permanent();
        };
    return statusOk && (needle.isEmpty() || haystack.contains(needle));
  }
}
