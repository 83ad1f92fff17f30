package io.chatterlink.core.model;

/**
 * Names one server process (node) of a cluster, so that a node can tell its own cluster signals
 * from others' and per-node state (presence) can be kept apart.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 * @throws io.chatterlink.core.error.InvalidInputException if the value is not of that form
 */
public record NodeId(String value) {
  public NodeId {
    Ids.require(value, "NodeId");
  }

  @Override
  public String toString() {
    return value;
  }
}
