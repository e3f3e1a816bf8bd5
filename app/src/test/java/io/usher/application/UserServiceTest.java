package io.usher.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ConflictException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.users.User;
import io.usher.domain.users.UserSpec;
import org.junit.jupiter.api.Test;

class UserServiceTest extends LedgerTestBase {

  @Test
  void emailsAreUniqueWhateverTheCase() {
    usher.users().create(UserSpec.withEmail("bob@example.com"));
    assertThatThrownBy(() -> usher.users().create(UserSpec.withEmail("BOB@example.com")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("A user with email bob@example.com already exists.");
    assertThat(usher.queries().users()).hasSize(1);
  }

  @Test
  void aMalformedEmailIsRefusedAndNothingIsWritten() {
    assertThatThrownBy(() -> usher.users().create(UserSpec.withEmail("bob.example.com")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("'bob.example.com' is not a valid email address.");
    assertThatThrownBy(() -> usher.users().create(UserSpec.withEmail("")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Enter the user's email address.");
    assertThat(usher.queries().users()).isEmpty();
  }

  @Test
  void editingAUserKeepsTheIdAndAuditsWhatChanged() {
    User bob = usher.users().create(UserSpec.withEmail("bob@example.com"));
    UserSpec changed =
        new UserSpec(
            "robert@example.com",
            "Robert",
            true,
            true,
            "pay@example.com",
            "123456789012345678",
            null,
            null);
    usher.users().update(bob.id(), changed);
    assertThat(usher.users().byEmail("robert@example.com").id()).isEqualTo(bob.id());
    assertThat(usher.users().byId(bob.id()).spec()).isEqualTo(changed);
    assertThat(usher.queries().history("user", bob.id()).getLast().detail())
        .contains("email: bob@example.com → robert@example.com")
        .contains("permanent: false → true")
        .contains("must change account: false → true");
  }

  @Test
  void anEditCannotTakeAnotherUsersEmail() {
    usher.users().create(UserSpec.withEmail("alice@example.com"));
    User bob = usher.users().create(UserSpec.withEmail("bob@example.com"));
    assertThatThrownBy(
            () -> usher.users().update(bob.id(), UserSpec.withEmail("Alice@example.com")))
        .isInstanceOf(ConflictException.class);
    assertThat(usher.users().byId(bob.id()).email()).isEqualTo("bob@example.com");
  }
}
