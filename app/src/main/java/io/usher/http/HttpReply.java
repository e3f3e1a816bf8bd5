package io.usher.http;

import okhttp3.Headers;

/** A whole HTTP answer, read and closed: status, headers and the body as text. */
public record HttpReply(int code, Headers headers, String body) {
  public boolean ok() {
    return code >= 200 && code < 300;
  }
}
