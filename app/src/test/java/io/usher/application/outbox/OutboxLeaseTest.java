package io.usher.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.Database;
import io.usher.application.LedgerTestBase;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.store.JooqJobRunStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two processes never drain the outbox at once: a mail is never sent twice that way. */
class OutboxLeaseTest extends LedgerTestBase {
  @Test
  void whileAnotherProcessDrainsTheOutboxThisOneWaits() {
    AtomicInteger handled = new AtomicInteger();
    usher.outbox().register(OutboxHandler.of("test", payload -> handled.incrementAndGet()));
    usher.outbox().enqueue("test", "x=1");
    try (Database other = Database.open(dataDir)) {
      new JooqJobRunStore(other.dsl())
          .lock(OutboxService.LEASE, "another-process", NOW, NOW.plus(Duration.ofMinutes(10)));

      assertThat(usher.outbox().runDue()).isZero();
      assertThat(handled).hasValue(0);

      clock.advance(Duration.ofMinutes(11));
      assertThat(usher.outbox().runDue()).as("the other's lease ran out").isEqualTo(1);
      assertThat(handled).hasValue(1);
    }
  }
}
