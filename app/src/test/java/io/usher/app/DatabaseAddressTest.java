package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.cli.Cli;
import io.usher.domain.common.UsherException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseAddressTest {
  @AfterEach
  void forgetTheOption() {
    System.clearProperty(Cli.DB_URL_PROPERTY);
  }

  @Test
  void withoutOptionOrEnvironmentTheLedgerIsTheDataFoldersOwn() {
    assertThat(DatabaseAddress.configured(Map.of())).isNull();
    assertThat(DatabaseAddress.configured(Map.of("USHER_DB_URL", " "))).isNull();
  }

  @Test
  void theEnvironmentNamesTheLedgerItsUserAndPasswordAndTheOptionWins() {
    Map<String, String> env =
        Map.of(
            "USHER_DB_URL", "jdbc:postgresql://db.lan/usher",
            "USHER_DB_USER", "owner",
            "USHER_DB_PASSWORD", "pw-9");

    assertThat(DatabaseAddress.configured(env))
        .isEqualTo(new DatabaseAddress("jdbc:postgresql://db.lan/usher", "owner", "pw-9"));
    System.setProperty(Cli.DB_URL_PROPERTY, "jdbc:postgresql://other:5433/ledger");
    assertThat(DatabaseAddress.configured(env).url())
        .isEqualTo("jdbc:postgresql://other:5433/ledger");
  }

  @Test
  void anAddressIsShownWithoutItsPasswordAndOnlyPostgresIsTaken() {
    DatabaseAddress a =
        new DatabaseAddress(
            "jdbc:postgresql://db.lan:5433/usher?user=owner&password=pw-9", null, "pw-9");

    assertThat(a.shown()).isEqualTo("postgresql://db.lan:5433/usher");
    assertThat(a.toString()).doesNotContain("pw-9");
    assertThat(a.url()).isEqualTo("jdbc:postgresql://db.lan:5433/usher?user=owner");
    assertThat(new DatabaseAddress("jdbc:postgresql://h/u?password=p%26w&ssl=true", null, null))
        .as("a password in the address leaves it")
        .isEqualTo(new DatabaseAddress("jdbc:postgresql://h/u?ssl=true", null, "p&w"));
    assertThatThrownBy(() -> new DatabaseAddress("jdbc:h2:file:/tmp/x", null, null))
        .isInstanceOf(UsherException.class)
        .hasMessage(
            "A ledger address starts with jdbc:postgresql:, e.g."
                + " jdbc:postgresql://localhost/usher.");
  }
}
