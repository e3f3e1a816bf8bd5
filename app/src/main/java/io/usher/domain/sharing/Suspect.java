package io.usher.domain.sharing;

import java.util.List;

/**
 * A user the streams suggest shares their account, with what suggests it.
 *
 * @param score how strong the evidence is: each stream watched at the same time as another from a
 *     different network counts 3, each network and each device beyond what the plan's streams
 *     explain counts 1
 * @param evidence one sentence per finding, strongest first
 */
public record Suspect(
    long userId, int score, int overlaps, int networks, int devices, List<String> evidence) {
  public Suspect {
    evidence = List.copyOf(evidence);
  }
}
