package io.usher.application.servers;

import io.usher.domain.servers.Server;

/** A linked server as lists show it, with how many users share it now. */
public record ServerRow(Server server, int users) {}
