package io.usher.checkout;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A whole answer made from memory (the plans page, the health check): its status, headers in the
 * order they are sent, and body. The endpoint hands out the same instance for as long as what it
 * shows is kept, so a server can turn it into its own form once ({@link #prepared}) and send that
 * form to every request instead of building the headers again each time.
 */
public final class KeptAnswer {
  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final List<Map.Entry<String, String>> policy;
  private volatile Object prepared;

  /**
   * @param policy the security headers among {@code headers}, as {@code Exchanges} keeps them
   */
  KeptAnswer(
      int status,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      List<Map.Entry<String, String>> policy) {
    this.status = status;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.policy = policy;
  }

  public int status() {
    return status;
  }

  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /**
   * The body itself, not a copy: nothing may change it (a copy per request was the page's cost).
   */
  public byte[] body() {
    return body;
  }

  /**
   * What {@code prepare} makes of this answer, made on first use and kept with it. One server
   * prepares answers, always with the same function; racing threads may each make it once.
   */
  @SuppressWarnings("unchecked")
  public <T> T prepared(Function<KeptAnswer, T> prepare) {
    Object known = prepared;
    if (known == null) {
      known = prepare.apply(this);
      prepared = known;
    }
    return (T) known;
  }

  /**
   * Whether this answers with this very body under this very policy: both are kept objects, the
   * same instance for as long as they do not change, so comparing them costs nothing per request.
   */
  boolean answers(byte[] sameBody, List<Map.Entry<String, String>> samePolicy) {
    return body == sameBody && policy == samePolicy;
  }
}
