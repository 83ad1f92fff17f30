package io.chatterlink.core.model;

import java.util.Objects;

/** A member of a room as other members see them. */
public record MemberView(UserView user, Role role) {
  /**
   * Creates the view.
   *
   * @param user the member
   * @param role their role in the room
   * @throws NullPointerException if a component is null
   */
  public MemberView {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
  }
}
