package io.chatterlink.core.model;

import java.util.Objects;

/** A member of a room as other members see them. */
public record MemberView(UserView user, Role role) {
  public MemberView {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
  }
}
