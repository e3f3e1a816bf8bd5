package io.usher.domain.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferralCodeTest {
  @Property
  void everyGeneratedCodeReadsBackAsTypedInAnyCaseWithSpacesOrDashes(@ForAll long seed) {
    String code = ReferralCode.generate(new Random(seed));

    assertThat(code).hasSize(ReferralCode.LENGTH).doesNotContain("0", "O", "1", "I");
    String typed =
        " "
            + code.substring(0, 4).toLowerCase(java.util.Locale.ROOT)
            + "-"
            + code.substring(4)
            + " ";
    assertThat(ReferralCode.parse(typed)).contains(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABC", "ABCDEFGHJ", "0O1IABCD", "ABCD EFG!", "ÄBCDEFGH"})
  void whatCannotBeACodeIsRefusedWithASentence(String typed) {
    assertThatThrownBy(() -> ReferralCode.parse(typed))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("8 letters and digits");
  }

  @Property
  void anyTypedTextIsACodeOrOneSentenceNeverACrash(@ForAll String typed) {
    try {
      ReferralCode.parse(typed).ifPresent(c -> assertThat(c).hasSize(ReferralCode.LENGTH));
    } catch (ValidationException e) {
      assertThat(e.errors())
          .singleElement()
          .satisfies(f -> assertThat(f.field()).isEqualTo("referral"));
    }
  }

  @org.junit.jupiter.api.Test
  void nothingTypedIsNoCode() {
    assertThat(ReferralCode.parse("  ")).isEmpty();
    assertThat(ReferralCode.parse(null)).isEmpty();
  }
}
