package io.usher.application.expiry;

import io.usher.domain.expiry.ExpiryAction;
import io.usher.domain.expiry.ExpiryDecision;
import io.usher.domain.servers.Share;
import java.util.List;

/**
 * What expiry would do to one user now: the rule's decision, the shares it touches and the names of
 * their servers, as the preview lists them.
 */
public record ExpiryStep(ExpiryDecision decision, List<Share> shares, List<String> servers) {
  public ExpiryStep {
    shares = List.copyOf(shares);
    servers = List.copyOf(servers);
  }

  public long userId() {
    return decision.subscriber().userId();
  }

  public String who() {
    return decision.subscriber().label();
  }

  public ExpiryAction action() {
    return decision.action();
  }

  public String reason() {
    return decision.reason();
  }
}
