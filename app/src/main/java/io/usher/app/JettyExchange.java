package io.usher.app;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One Jetty request seen as the JDK's {@link HttpExchange}, so the checkout's handlers stay written
 * against the JDK type (decision 0007) while Jetty does the network: the handler runs on its own
 * virtual thread and may block on the body as it did before.
 */
final class JettyExchange extends HttpExchange {
  /** The largest body the checkout reads (a Stripe webhook's limit) and so the most it drains. */
  private static final long DRAIN = 256 * 1024 + 1;

  private final Request request;
  private final URI uri;
  private final Response response;
  private Headers requestHeaders;
  private final Headers responseHeaders = new Headers();
  private Map<String, Object> attributes;
  private InputStream in;
  private OutputStream out;
  private int status = -1;
  private boolean closed;

  /**
   * @param uri the request's target, already parsed (a malformed one is answered 400 before)
   */
  JettyExchange(Request request, URI uri, Response response) {
    this.request = request;
    this.uri = uri;
    this.response = response;
  }

  /** Copied on first use: only a form or a webhook reads them, and the page's GET never does. */
  @Override
  public Headers getRequestHeaders() {
    if (requestHeaders == null) {
      requestHeaders = new Headers();
      for (HttpField field : request.getHeaders()) {
        requestHeaders.add(field.getName(), field.getValue());
      }
    }
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return request.getMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return null;
  }

  /**
   * Ends the response. What the handler left of the request body is read first, as the JDK server
   * did, so the connection can carry the next request: Jetty keeps it only if the body has already
   * arrived, and closing Jetty's stream instead fails the request and closes the connection.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (hasBody(request)) {
        drain();
      }
      if (status < 0) {
        sendResponseHeaders(500, -1);
      }
      getResponseBody().close();
    } catch (IOException e) {
      // The client went away; Jetty has already dropped the connection.
    }
  }

  /**
   * Whether the request announced a body. Most are GETs without one, and at thousands a second the
   * drain's buffer was most of what the page allocated.
   */
  static boolean hasBody(Request request) {
    HttpFields headers = request.getHeaders();
    return headers.contains(HttpHeader.TRANSFER_ENCODING)
        || headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0;
  }

  /** Reads at most {@link #DRAIN} more bytes of the body; a larger one costs the connection. */
  private void drain() throws IOException {
    InputStream body = getRequestBody();
    byte[] skip = new byte[8192];
    long left = DRAIN;
    for (int n; left > 0 && (n = body.read(skip, 0, (int) Math.min(skip.length, left))) > 0; ) {
      left -= n;
    }
  }

  /** Jetty's stream is made on first use: it carries a lock, and a GET never reads a body. */
  @Override
  public InputStream getRequestBody() {
    if (in == null) {
      in = Content.Source.asInputStream(request);
    }
    return in;
  }

  @Override
  public OutputStream getResponseBody() {
    if (out == null) {
      out = Content.Sink.asOutputStream(response);
    }
    return out;
  }

  /** As the JDK server: a length of -1 means no body, 0 a body of unknown length. */
  @Override
  public void sendResponseHeaders(int code, long length) {
    if (status >= 0) {
      throw new IllegalStateException("The response headers were sent already.");
    }
    status = code;
    response.setStatus(code);
    HttpFields.Mutable headers = response.getHeaders();
    for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
      for (String value : header.getValue()) {
        headers.add(header.getKey(), value);
      }
    }
    if (length > 0) {
      headers.put("Content-Length", Long.toString(length));
    } else if (length < 0) {
      headers.put("Content-Length", "0");
    }
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return inet(request.getConnectionMetaData().getRemoteSocketAddress());
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return inet(request.getConnectionMetaData().getLocalSocketAddress());
  }

  @Override
  public String getProtocol() {
    return request.getConnectionMetaData().getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return attributes == null ? null : attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      if (attributes != null) {
        attributes.remove(name);
      }
    } else {
      if (attributes == null) {
        // Two or three per request: the default table of sixteen was a fifth of the page's garbage.
        attributes = new HashMap<>(4);
      }
      attributes.put(name, value);
    }
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    if (in != null) {
      this.in = in;
    }
    if (out != null) {
      this.out = out;
    }
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  private static InetSocketAddress inet(SocketAddress address) {
    return address instanceof InetSocketAddress inet ? inet : null;
  }
}
