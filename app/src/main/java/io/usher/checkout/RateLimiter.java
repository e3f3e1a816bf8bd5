package io.usher.checkout;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code capacity} requests at once, refilled evenly over {@code
 * per}. The table of addresses is bounded so a flood from many addresses cannot fill the memory:
 * when it is full, buckets that have refilled completely are dropped, and if none has, the newcomer
 * is refused.
 */
public final class RateLimiter {
  static final int MAX_CLIENTS = 10_000;
  private final int capacity;
  private final double tokensPerMilli;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(int capacity, Duration per, Clock clock) {
    this.capacity = capacity;
    this.tokensPerMilli = capacity / (double) per.toMillis();
    this.clock = clock;
  }

  /**
   * Takes one token for the client.
   *
   * @return 0 when the request may go ahead, else the seconds until it may retry (at least 1)
   */
  public long acquire(String client) {
    long now = clock.millis();
    if (!buckets.containsKey(client) && buckets.size() >= MAX_CLIENTS) {
      buckets.values().removeIf(b -> b.full(now));
      if (buckets.size() >= MAX_CLIENTS) {
        return Math.max(1, (long) Math.ceil(1 / tokensPerMilli / 1000));
      }
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
    return bucket.take(now);
  }

  private final class Bucket {
    private double tokens;
    private long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerMilli / 1000));
    }

    synchronized boolean full(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      if (now > at) {
        tokens = Math.min(capacity, tokens + (now - at) * tokensPerMilli);
        at = now;
      }
    }
  }
}
