package io.usher.app;

import io.usher.cli.Cli;
import io.usher.domain.common.UsherException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a ledger on PostgreSQL is: a JDBC address ({@code jdbc:postgresql://host/usher}) with the
 * user and password, from {@code --db-url} or {@code USHER_DB_URL}, {@code USHER_DB_USER} and
 * {@code USHER_DB_PASSWORD}.
 *
 * @param user null: the one the address names, or the driver's default
 * @param password a secret, never shown or logged; null: none
 */
public record DatabaseAddress(String url, String user, String password) {
  /**
   * A password written into the address ({@code ?password=…}) is taken out of it, so the address
   * that reaches the driver, and whatever logs it (Flyway names the database it migrates), holds
   * none; it still counts when the environment gives none.
   */
  public DatabaseAddress {
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new UsherException(
          "A ledger address starts with jdbc:postgresql:, e.g. jdbc:postgresql://localhost/usher.");
    }
    int query = url.indexOf('?');
    if (query >= 0) {
      List<String> kept = new ArrayList<>();
      for (String part : url.substring(query + 1).split("&")) {
        if (part.toLowerCase(Locale.ROOT).startsWith("password=")) {
          if (password == null) {
            password =
                URLDecoder.decode(part.substring("password=".length()), StandardCharsets.UTF_8);
          }
        } else if (!part.isEmpty()) {
          kept.add(part);
        }
      }
      url = url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }
  }

  /**
   * The PostgreSQL ledger {@code --db-url} (carried in a system property) or the environment names;
   * null when neither does: the data folder's own H2 file.
   */
  static DatabaseAddress configured(Map<String, String> env) {
    String url = System.getProperty(Cli.DB_URL_PROPERTY);
    if (url == null || url.isBlank()) {
      url = env.get("USHER_DB_URL");
    }
    if (url == null || url.isBlank()) {
      return null;
    }
    return new DatabaseAddress(
        url.strip(), given(env.get("USHER_DB_USER")), given(env.get("USHER_DB_PASSWORD")));
  }

  private static String given(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The address as messages show it: host, port and database, never a password in it. */
  public String shown() {
    try {
      URI uri = URI.create(url.substring("jdbc:".length()));
      return "postgresql://"
          + (uri.getHost() == null ? "" : uri.getHost())
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getPath() == null ? "" : uri.getPath());
    } catch (IllegalArgumentException e) {
      return "the PostgreSQL address given";
    }
  }

  @Override
  public String toString() {
    return "DatabaseAddress[" + shown() + ", user=" + user + "]";
  }
}
