package io.usher.application.invites;

import io.usher.domain.media.ShareResult;
import io.usher.domain.plans.Plan;
import io.usher.domain.servers.Server;
import io.usher.domain.users.User;
import java.time.Instant;

/** Tells a newly shared user how to get in; called inside the transaction that records it. */
@FunctionalInterface
public interface Welcome {
  void welcome(User user, Server server, Plan plan, ShareResult share, Instant expires);
}
