package io.usher.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest (tokens, API keys, passwords): AES-256-GCM under a key that lives beside the
 * database, never in it, so a copied database file or a backup reveals none of them. Each value is
 * bound to where it is stored (its setting key, or its server row), so a sealed value moved to
 * another place does not open there.
 */
public final class SecretBox {
  static final String PREFIX = "enc1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key 32 random bytes
   */
  public SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("A secret box needs a 256-bit key.");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  /** The value as stored; empty stays empty (an unset secret). */
  public String seal(String place, String clear) {
    if (clear == null || clear.isEmpty()) {
      return clear;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * The clear value, or empty when it was sealed under another key (the data folder's usher.key is
   * missing or not the one it was saved with): the owner then sets that secret again.
   */
  public Optional<String> open(String place, String stored) {
    if (!isSealed(stored)) {
      return Optional.ofNullable(stored);
    }
    try {
      byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
      byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Optional.of(new String(clear, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A keyed digest of {@code clear} (HMAC-SHA-256 under a key derived from this box's), bound to
   * {@code place}: equal values give equal digests, and without the key file no digest can be
   * checked against guesses.
   */
  public String digest(String place, String clear) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      byte[] subkey = derive.doFinal("usher digest".getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subkey, "HmacSHA256"));
      mac.update(place.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
    }
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }
}
