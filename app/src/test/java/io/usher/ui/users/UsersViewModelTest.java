package io.usher.ui.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.LedgerTestBase;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.users.UserSpec;
import io.usher.testing.Fixtures;
import io.usher.ui.kit.UiTasks;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Users screen's state without a window: loading, search and the status filter. */
class UsersViewModelTest extends LedgerTestBase {
  UsersViewModel model;

  @BeforeEach
  void ledger() {
    Fixtures.monthly(usher, "Monthly", "10");
    usher
        .users()
        .create(new UserSpec("alice@example.com", "Alice", false, false, null, null, null, null));
    usher
        .users()
        .create(new UserSpec("bob@example.com", "Bob", false, false, null, null, null, null));
    usher
        .users()
        .create(new UserSpec("carol@example.com", "Carol", true, false, null, null, null, null));
    usher.users().create(UserSpec.withEmail("dave@example.com"));
    usher.payments().record(ManualPayment.of("alice@example.com", "Monthly"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "bob@example.com",
                "Monthly",
                null,
                null,
                null,
                null,
                NOW.minusSeconds(86_400 * 25),
                NOW.plusSeconds(86_400 * 3),
                null));
    model =
        new UsersViewModel(
            io.usher.ui.shell.MainWindow.usersDesk(usher),
            new UiTasks(Runnable::run, Runnable::run));
    model.load();
  }

  @Test
  void searchMatchesEmailNameAndPlanIgnoringCase() {
    model.search().set("ALI");
    assertThat(emails()).containsExactly("alice@example.com");

    model.search().set("monthly");
    assertThat(emails()).containsExactly("alice@example.com", "bob@example.com");

    model.search().set("");
    assertThat(emails()).hasSize(4);
  }

  @Test
  void statusFilterSeparatesActiveExpiringExpiredAndPermanent() {
    model.filter().set(StatusFilter.ACTIVE);
    assertThat(emails())
        .containsExactly("alice@example.com", "bob@example.com", "carol@example.com");
    model.filter().set(StatusFilter.EXPIRING);
    assertThat(emails()).containsExactly("bob@example.com");
    model.filter().set(StatusFilter.EXPIRED);
    assertThat(emails()).containsExactly("dave@example.com");
    model.filter().set(StatusFilter.PERMANENT);
    assertThat(emails()).containsExactly("carol@example.com");
  }

  @Test
  void searchAndFilterCombine() {
    model.search().set("dave");
    model.filter().set(StatusFilter.ACTIVE);
    assertThat(emails()).isEmpty();
    model.filter().set(StatusFilter.EXPIRED);
    assertThat(emails()).containsExactly("dave@example.com");
  }

  @Test
  void selectingAUserLoadsTheirPaymentsAndTheLimitsOfTheirPlan() {
    model.selected().set(model.shown().getFirst());
    assertThat(model.selectedUser().get().email()).isEqualTo("alice@example.com");
    assertThat(model.selectedPayments()).hasSize(1);
    assertThat(model.limits().get()).isEqualTo("2 streams, no downloads, transcoding");

    model.selected().set(model.shown().getLast());
    assertThat(model.selected().get().row().email()).isEqualTo("dave@example.com");
    assertThat(model.limits().get()).as("no plan, no limits").isEmpty();
  }

  @Test
  void aUserSavedFromTheDialogIsSelectedAfterTheReload() {
    var saved = model.saveUser(null, UserSpec.withEmail("erin@example.com")).get();
    model.loadAndSelect(saved.id());
    assertThat(model.selected().get().row().email()).isEqualTo("erin@example.com");
    assertThat(model.selectedPayments()).isEmpty();
  }

  @Test
  void aFailedLoadLeavesOneSentenceAndTheRowsItHad() {
    usher.close();
    model.load();
    assertThat(model.error().get()).isNotBlank().doesNotContain("Exception:");
    assertThat(model.all()).hasSize(4);
    usher = new io.usher.app.AppContext(dataDir, clock);
  }

  private List<String> emails() {
    return model.shown().stream().map(i -> i.row().email()).toList();
  }
}
