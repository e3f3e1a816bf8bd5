package io.usher.media.mediabrowser;

import java.util.random.RandomGenerator;

/** Passwords Usher makes up for new Jellyfin and Emby users, to be mailed to them. */
final class Passwords {
  /** Letters and digits without the ones people misread: 0 O o, 1 l I. */
  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  static final int LENGTH = 16;

  private Passwords() {}

  /** {@code random} is a SecureRandom in production. */
  static String generate(RandomGenerator random) {
    StringBuilder password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
