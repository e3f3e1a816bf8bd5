package io.usher.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TxnRefTest {
  @ParameterizedTest
  @CsvSource({"'', 1, cannot be empty", "'  ', 1, cannot be empty", "pi_1, 0, starts at 1"})
  void refusesEmptyIdsAndSequencesBelowOne(String txn, int seq, String sentence) {
    assertThatThrownBy(() -> new TxnRef(txn, seq))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(sentence);
  }

  @ParameterizedTest
  @CsvSource({"' pi_1 ', 1, pi_1", "in_9, 2, 'in_9 #2'"})
  void trimsAndReadsWell(String txn, int seq, String shown) {
    assertThat(new TxnRef(txn, seq)).hasToString(shown);
  }
}
