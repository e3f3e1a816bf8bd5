package io.usher.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  static SecretBox box(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return new SecretBox(key);
  }

  @Test
  void aSealedSecretOpensOnlyWhereItWasStoredAndUnderItsKey() {
    String sealed = box(1).seal("smtp.password", "hunter2");

    assertThat(sealed).startsWith("enc1:").doesNotContain("hunter2");
    assertThat(box(1).open("smtp.password", sealed)).contains("hunter2");
    assertThat(box(1).open("stripe.secret-key", sealed)).isEmpty();
    assertThat(box(2).open("smtp.password", sealed)).isEmpty();
  }

  @Test
  void aDigestIsStableForTheSameValuesAndTellsNothingWithoutTheKey() {
    String digest = box(1).digest("MAIL", "smtp.password=hunter2");

    assertThat(digest).hasSize(64).doesNotContain("hunter2");
    assertThat(box(1).digest("MAIL", "smtp.password=hunter2")).isEqualTo(digest);
    assertThat(box(1).digest("MAIL", "smtp.password=hunter3")).isNotEqualTo(digest);
    assertThat(box(1).digest("STRIPE", "smtp.password=hunter2")).isNotEqualTo(digest);
    assertThat(box(2).digest("MAIL", "smtp.password=hunter2")).isNotEqualTo(digest);
  }
}
