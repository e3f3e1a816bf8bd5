package io.usher.domain.servers;

import io.usher.domain.common.Problems;
import io.usher.domain.media.ServerKind;

/** A server about to be linked, checked before anything is stored. */
public record NewServer(
    ServerKind kind,
    String name,
    String url,
    String credential,
    String machineId,
    String proxyUrl,
    ServerSettings settings) {

  public NewServer {
    name = name == null ? "" : name.strip();
    url = url == null ? "" : url.strip().replaceAll("/+$", "");
    credential = credential == null ? "" : credential.strip();
    proxyUrl = proxyUrl == null || proxyUrl.isBlank() ? null : proxyUrl.strip();
    Problems problems = new Problems();
    if (name.isEmpty()) {
      problems.add("name", "Give the server a name.");
    } else if (name.length() > 200) {
      problems.add("name", "The name is too long: keep it under 200 characters.");
    }
    if (!url.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
      problems.add("url", "Enter the server's address, like http://192.168.1.20:8096.");
    }
    if (credential.isEmpty()) {
      problems.add(
          "credential",
          kind == ServerKind.PLEX ? "Paste the Plex token." : "Paste the server's API key.");
    }
    if (proxyUrl != null && !proxyUrl.matches("(?i)https?://[^\\s/]+(:\\d+)?/?")) {
      problems.add("proxy", "A proxy is an address like http://10.0.0.2:3128.");
    }
    problems.throwIfAny();
  }
}
