package io.usher.checkout;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An application/x-www-form-urlencoded body, read strictly: valid UTF-8, valid escapes, each field
 * once, no control characters, every value short. Anything else is garbage and is refused whole.
 */
final class FormBody {
  static final int MAX_FIELDS = 16;
  static final int MAX_VALUE = 400;

  private FormBody() {}

  /** The fields, or empty when the body is not a well-formed form. */
  static Optional<Map<String, String>> parse(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    if (text.isEmpty()) {
      return Optional.of(fields);
    }
    String[] pairs = text.split("&", -1);
    if (pairs.length > MAX_FIELDS) {
      return Optional.empty();
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return Optional.empty();
      }
      String name;
      String value;
      try {
        name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (value.length() > MAX_VALUE
          || name.length() > 32
          || !clean(name)
          || !clean(value)
          || fields.putIfAbsent(name, value) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(fields);
  }

  /** No control characters and no U+FFFD (what a malformed escape decodes to). */
  private static boolean clean(String s) {
    return s.chars().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD);
  }
}
