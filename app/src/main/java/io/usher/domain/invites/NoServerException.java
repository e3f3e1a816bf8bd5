package io.usher.domain.invites;

import io.usher.domain.common.UsherException;

/** No server can take the user on this plan: the customer is told, the owner alerted. */
public final class NoServerException extends UsherException {
  public NoServerException(String plan) {
    super(
        "There is no server with capacity for plan "
            + plan
            + ": raise a server's capacity, let it accept new users, or add a server.");
  }
}
