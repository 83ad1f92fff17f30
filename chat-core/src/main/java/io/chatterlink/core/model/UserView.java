package io.chatterlink.core.model;

import java.util.Objects;

/** What anyone may know of a user: no hash, no sessions. */
public record UserView(UserId id, String username, String displayName) {
  public UserView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
  }

  public static UserView of(User user) {
    return new UserView(user.id(), user.username().display(), user.displayName());
  }
}
