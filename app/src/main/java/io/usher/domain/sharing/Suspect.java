package io.usher.domain.sharing;

import java.util.List;

/**
 * A user the streams suggest shares their account, with what suggests it.
 *
 * @param score how strong the evidence is: each stream watched at the same time as another from a
 *     different network counts 3, each impossible journey between streams 2, each network and each
 *     device beyond what the plan's streams explain 1
 * @param travels streams too far from the one before to have travelled between them
 * @param evidence one sentence per finding, strongest first
 */
public record Suspect(
    long userId,
    int score,
    int overlaps,
    int travels,
    int networks,
    int devices,
    List<String> evidence) {
  public Suspect {
    evidence = List.copyOf(evidence);
  }
}
