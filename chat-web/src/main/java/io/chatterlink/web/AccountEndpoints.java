package io.chatterlink.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatterlink.core.error.ChatException;
import io.chatterlink.core.error.ConflictException;
import io.chatterlink.core.error.ErrorCode;
import io.chatterlink.core.error.ForbiddenException;
import io.chatterlink.core.error.NotAuthenticatedException;
import io.chatterlink.core.model.SessionToken;
import io.chatterlink.core.model.UserView;
import io.chatterlink.core.model.Username;
import io.chatterlink.core.policy.Timestamps;
import io.chatterlink.core.port.in.ManageAccounts;
import io.chatterlink.core.port.in.ManageAccounts.LoginResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/** Register, log in, log out, change password, who am I, and invite codes. */
final class AccountEndpoints {
  /** The one answer to a wrong password and to an unknown user alike. */
  static final String BAD_CREDENTIALS = "wrong username or password";

  private final ManageAccounts accounts;
  private final JsonViews views;
  private final Cookies cookies;
  private final DeviceCookie device;
  private final LoginThrottle throttle;
  private final SharedThrottle registrations;
  private final InviteCodes invites;
  private final RegistrationMode registration;

  AccountEndpoints(
      ManageAccounts accounts,
      JsonViews views,
      Cookies cookies,
      DeviceCookie device,
      LoginThrottle throttle,
      SharedThrottle registrations,
      InviteCodes invites,
      RegistrationMode registration) {
    this.accounts = accounts;
    this.views = views;
    this.cookies = cookies;
    this.device = device;
    this.throttle = throttle;
    this.registrations = registrations;
    this.invites = invites;
    this.registration = registration;
  }

  void register(ApiRoutes routes) {
    routes
        .post("/api/register", this::registerUser)
        .post("/api/login", this::logIn)
        .post("/api/logout", this::logOut)
        .post("/api/password", this::changePassword)
        .get("/api/me", call -> call.ok(userBody(call, call.signedIn().user())))
        .get("/api/session", this::session)
        .post("/api/invites", this::issueInvite);
  }

  private void registerUser(Call call) throws IOException {
    ObjectNode body = call.body();
    if (registration == RegistrationMode.CLOSED) {
      throw new ForbiddenException("registration is closed on this server");
    }
    // Every attempt counts: each one costs a password hash, whatever its outcome.
    registrations.acquire(
        clientAddress(call), "too many registrations from this address; try again later");
    String username = JsonFields.text(body, "username");
    String password = JsonFields.text(body, "password");
    Optional<String> claimed = Optional.empty();
    if (registration == RegistrationMode.INVITE_ONLY) {
      claimed = Optional.of(invites.claim(JsonFields.optionalText(body, "invite").orElse("")));
    }
    try {
      accounts.register(
          new ManageAccounts.RegisterUser(
              username,
              password,
              JsonFields.optionalText(body, "displayName").filter(s -> !s.isBlank())));
    } catch (RuntimeException e) {
      claimed.ifPresent(invites::release);
      throw e;
    }
    LoginResult login = accounts.logIn(new ManageAccounts.LogIn(username, password));
    trustDevice(call, attempt(call, username), false);
    startSession(call, login);
    call.created(userBody(call, login.user()));
  }

  private void logIn(Call call) throws IOException {
    ObjectNode body = call.body();
    String username = JsonFields.optionalText(body, "username").orElse("");
    String password = JsonFields.optionalText(body, "password").orElse("");
    LoginThrottle.Attempt attempt = attempt(call, username);
    boolean trusted = throttle.checkAllowed(attempt);
    LoginResult login;
    try {
      login = accounts.logIn(new ManageAccounts.LogIn(username, password));
    } catch (ChatException e) {
      if (e.code() != ErrorCode.NOT_AUTHENTICATED && e.code() != ErrorCode.INVALID_INPUT) {
        throw e;
      }
      throttle.failed(attempt, trusted);
      throw new NotAuthenticatedException(BAD_CREDENTIALS);
    }
    trustDevice(call, attempt, trusted);
    startSession(call, login);
    call.ok(userBody(call, login.user()));
  }

  private void logOut(Call call) {
    Cookies.sessionToken(call.exchange()).ifPresent(accounts::logOut);
    cookies.clearSession(call.exchange());
    call.noContent();
  }

  private void changePassword(Call call) throws IOException {
    ObjectNode body = call.body();
    UserView user = call.signedIn().user();
    LoginThrottle.Attempt attempt = attempt(call, user.username());
    boolean trusted = throttle.checkAllowed(attempt);
    LoginResult login;
    try {
      login =
          accounts.changePassword(
              new ManageAccounts.ChangePassword(
                  user.id(),
                  JsonFields.text(body, "currentPassword"),
                  JsonFields.text(body, "newPassword")));
    } catch (NotAuthenticatedException e) {
      throttle.failed(attempt, trusted);
      throw new NotAuthenticatedException("the current password is wrong");
    }
    cookies.setSession(call.exchange(), login.token());
    call.ok(userBody(call, login.user()));
  }

  /** Who is signed in, or {@code "user": null}: lets a page decide without provoking a 401. */
  private void session(Call call) {
    ObjectNode body = call.object();
    body.set(
        "user",
        call.caller().map(c -> (JsonNode) views.user(c.user())).orElse(NullNode.getInstance()));
    call.ok(body);
  }

  private void issueInvite(Call call) {
    call.signedIn();
    if (registration != RegistrationMode.INVITE_ONLY) {
      throw new ConflictException("registration is not invite-only here; invites are not needed");
    }
    InviteCodes.Invite invite = invites.issue();
    call.created(
        call.object()
            .put("code", invite.code())
            .put("expiresAt", Timestamps.format(invite.expiresAt())));
  }

  /** A new session replaces any the browser still had: a fresh token at every login. */
  private void startSession(Call call, LoginResult login) {
    Optional<SessionToken> previous = Cookies.sessionToken(call.exchange());
    previous.ifPresent(accounts::logOut);
    cookies.setSession(call.exchange(), login.token());
  }

  private ObjectNode userBody(Call call, UserView user) {
    ObjectNode body = call.object();
    body.set("user", views.user(user));
    return body;
  }

  /** The attempt as the login throttle sees it: account, client address and device cookie. */
  private static LoginThrottle.Attempt attempt(Call call, String typedName) {
    return new LoginThrottle.Attempt(
        accountKey(typedName), clientAddress(call), DeviceCookie.token(call.exchange()));
  }

  /**
   * After a successful sign-in: clears the attempt's failures and trusts the browser for the
   * account, giving it a device cookie if it has none (one cookie serves every account signed in
   * from it).
   */
  private void trustDevice(Call call, LoginThrottle.Attempt attempt, boolean trusted) {
    String token = attempt.deviceToken().orElseGet(DeviceCookie::newToken);
    throttle.succeeded(attempt, trusted, token);
    device.set(call.exchange(), token);
  }

  /** The throttle key of a typed name: its canonical form, so "Alice" and "ALICE" count as one. */
  static String accountKey(String typed) {
    try {
      return Username.of(typed).canonical();
    } catch (ChatException e) {
      String raw = typed.strip().toLowerCase(Locale.ROOT);
      return raw.length() > 64 ? raw.substring(0, 64) : raw;
    }
  }

  static String clientAddress(Call call) {
    InetSocketAddress source = call.exchange().getSourceAddress();
    return source == null ? "unknown" : source.getHostString();
  }
}
