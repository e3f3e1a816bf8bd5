package io.usher.domain.media;

import java.time.Duration;

/**
 * A Plex sign-in under way (api-facts 1.2): the owner signs in at {@code signInUrl}, and plex.tv
 * then hands the account's token to whoever asks for pin {@code id} with the same client id.
 *
 * @param lifetime how long plex.tv keeps the code from now; waiting longer is pointless
 */
public record PlexPin(long id, String code, String signInUrl, Duration lifetime) {}
