package io.chatterlink.core.model;

/**
 * Names one server process (node) of a cluster, so that a node can tell its own cluster signals
 * from others' and per-node state (presence) can be kept apart.
 *
 * @param value 1 to 64 characters from {@code [A-Za-z0-9._-]}
 */
public record NodeId(String value) {
  /**
   * Checks the value's form.
   *
   * @param value the identifier, as stored and sent on the wire
   * @throws io.chatterlink.core.error.InvalidInputException if the value is blank, longer than 64
   *     characters or holds a character outside {@code [A-Za-z0-9._-]}
   */
  public NodeId {
    Ids.require(value, "NodeId");
  }

  @Override
  public String toString() {
    return value;
  }
}
