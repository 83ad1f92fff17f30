package io.chatterlink.web;

/**
 * Who may create an account through the HTTP API. Operators can always create users with the CLI.
 */
public enum RegistrationMode {
  /** Anyone may register. */
  OPEN,
  /** Registration needs an invite code made by a signed-in user ({@code POST /api/invites}). */
  INVITE_ONLY,
  /** Nobody may register over HTTP. */
  CLOSED
}
