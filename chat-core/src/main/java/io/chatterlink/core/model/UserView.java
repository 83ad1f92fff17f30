package io.chatterlink.core.model;

import java.util.Objects;

/**
 * What anyone may know of a user: no hash, no sessions.
 *
 * @param id the user's id
 * @param username the login name as chosen (display form)
 * @param displayName the name shown next to messages
 */
public record UserView(UserId id, String username, String displayName) {
  /**
   * Creates the view.
   *
   * @param id the user
   * @param username the login name
   * @param displayName the display name
   * @throws NullPointerException if a component is null
   */
  public UserView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
  }

  /**
   * The public part of an account.
   *
   * @param user the account
   * @return its id, username and display name
   */
  public static UserView of(User user) {
    return new UserView(user.id(), user.username().display(), user.displayName());
  }
}
