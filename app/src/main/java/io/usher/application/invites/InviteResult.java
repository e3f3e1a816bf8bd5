package io.usher.application.invites;

import io.usher.domain.ledger.Payment;
import io.usher.domain.servers.Server;
import io.usher.domain.users.User;

/**
 * What an invite did.
 *
 * @param queued true when the server could not be reached for now: the payment is recorded and the
 *     share waits in the outbox; {@code reason} says why
 * @param account the account the share is for (Plex email, or the Jellyfin/Emby user name)
 */
public record InviteResult(
    User user, Payment payment, Server server, String account, boolean queued, String reason) {}
