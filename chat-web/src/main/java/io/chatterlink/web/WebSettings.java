package io.chatterlink.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Settings of the HTTP side. Start from {@link #defaults(Path)} and change what you need with the
 * {@code with...} methods; every value is checked when the record is built.
 *
 * @param uploadDir where uploaded files are stored (created if missing); must not be inside any
 *     directory that is served as static files
 * @param maxUploadBytes largest accepted upload, enforced while the body streams in (default
 *     {@value #DEFAULT_MAX_UPLOAD_BYTES}, 25 MiB)
 * @param registration who may register (default {@link RegistrationMode#OPEN})
 * @param allowedOrigins extra origins (e.g. {@code https://chat.example.com}) accepted in the
 *     {@code Origin} header of state-changing requests; the server's own origin is always accepted
 *     (default: none)
 * @param secureCookies mark cookies {@code Secure} even when the request did not arrive over TLS,
 *     e.g. behind a TLS-terminating proxy (default false: {@code Secure} only over TLS)
 * @param trustProxyHeaders take the client address and scheme from the last entry of {@code
 *     X-Forwarded-For} and {@code X-Forwarded-Proto}; only behind a proxy that sets them, or
 *     clients could choose their own address (default false)
 * @param maxLoginFailuresPerAccount failed logins for one username from one client address (or from
 *     one device trusted for it) within {@code loginThrottleWindow} after which that address (or
 *     device) is refused with 429 for that username (default 5)
 * @param maxLoginFailuresPerAddress failed logins from one client address (an IPv6 address by its
 *     /64) on any usernames within {@code loginThrottleWindow} after which that address is refused
 *     with 429, except from devices trusted for the username (default 20)
 * @param loginThrottleWindow how long a failed login counts (default 15 minutes)
 * @param maxRegistrationsPerAddress registration attempts from one client address within {@code
 *     registrationWindow} after which that address is refused with 429 (default 10)
 * @param registrationWindow how long a registration attempt counts (default 1 hour)
 * @param sessionCookieMaxAge lifetime the browser keeps the session cookie; match the core's
 *     absolute session timeout (default 30 days)
 * @param inviteSecret key that signs invite codes; empty means a random key per start, so codes die
 *     with the process (default empty)
 * @param inviteLifetime how long an invite code stays valid (default 7 days)
 * @param maxJsonBodyBytes largest accepted JSON request body (default {@value
 *     #DEFAULT_MAX_JSON_BODY_BYTES}, 64 KiB)
 * @param maxUnknownDeviceFailuresPerAccount failed logins for one username from all devices not
 *     trusted for it, within {@code loginThrottleWindow}, after which such devices are refused with
 *     429 for that username; devices trusted for it (they signed in to it before, see {@code
 *     trustedDeviceLifetime}) are never refused by this limit (default 10)
 * @param trustedDeviceLifetime how long a browser stays trusted for a username after signing in to
 *     it (its device cookie's lifetime; default 90 days)
 * @param requestLimits timeouts, pace, per-address cap and pools that keep slow or stalled clients
 *     from holding the server (default {@link RequestLimits#defaults()})
 * @param uploadSweepInterval how often the files of deleted and expired uploads are deleted
 *     (default 10 minutes); safe on several servers at once
 */
public record WebSettings(
    Path uploadDir,
    long maxUploadBytes,
    RegistrationMode registration,
    Set<String> allowedOrigins,
    boolean secureCookies,
    boolean trustProxyHeaders,
    int maxLoginFailuresPerAccount,
    int maxLoginFailuresPerAddress,
    Duration loginThrottleWindow,
    int maxRegistrationsPerAddress,
    Duration registrationWindow,
    Duration sessionCookieMaxAge,
    Optional<String> inviteSecret,
    Duration inviteLifetime,
    int maxJsonBodyBytes,
    int maxUnknownDeviceFailuresPerAccount,
    Duration trustedDeviceLifetime,
    RequestLimits requestLimits,
    Duration uploadSweepInterval) {

  /** Default largest upload: 25 MiB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;

  /** Default largest JSON request body: 64 KiB. */
  public static final int DEFAULT_MAX_JSON_BODY_BYTES = 64 * 1024;

  /** Default time between two sweeps of expired uploads. */
  public static final Duration DEFAULT_UPLOAD_SWEEP_INTERVAL = Duration.ofMinutes(10);

  /** Shortest accepted invite secret, in characters. */
  public static final int MIN_INVITE_SECRET_LENGTH = 16;

  /**
   * Validates the settings; {@code allowedOrigins} is copied.
   *
   * @param uploadDir where uploads are stored; not null
   * @param maxUploadBytes largest upload; at least 1
   * @param registration who may register; not null
   * @param allowedOrigins extra origins, each {@code http(s)://host[:port]} without a path
   * @param secureCookies whether cookies are always {@code Secure}
   * @param trustProxyHeaders whether {@code X-Forwarded-*} headers are believed
   * @param maxLoginFailuresPerAccount failures per username and address; at least 1
   * @param maxLoginFailuresPerAddress failures per address; at least 1
   * @param loginThrottleWindow how long a failure counts; positive
   * @param maxRegistrationsPerAddress registrations per address and window; at least 1
   * @param registrationWindow how long a registration counts; positive
   * @param sessionCookieMaxAge the session cookie's lifetime; positive
   * @param inviteSecret the invite signing key, at least {@value #MIN_INVITE_SECRET_LENGTH}
   *     characters; empty for a random key per start
   * @param inviteLifetime how long an invite code is valid; positive
   * @param maxJsonBodyBytes largest JSON body; at least 1024
   * @param maxUnknownDeviceFailuresPerAccount failures per username from untrusted devices; at
   *     least 1
   * @param trustedDeviceLifetime how long a device stays trusted; positive
   * @param requestLimits timeouts, pace and pools; not null
   * @param uploadSweepInterval time between sweeps of expired uploads; positive
   * @throws IllegalArgumentException naming the first value out of range
   * @throws NullPointerException if a reference component is null
   */
  public WebSettings {
    Objects.requireNonNull(uploadDir, "uploadDir");
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("maxUploadBytes must be positive");
    }
    Objects.requireNonNull(registration, "registration");
    allowedOrigins = Set.copyOf(allowedOrigins);
    for (String origin : allowedOrigins) {
      if (!origin.matches("https?://[^/\\s]+")) {
        throw new IllegalArgumentException(
            "allowed origin must look like https://host[:port]: " + origin);
      }
    }
    if (maxLoginFailuresPerAccount < 1
        || maxLoginFailuresPerAddress < 1
        || maxUnknownDeviceFailuresPerAccount < 1) {
      throw new IllegalArgumentException("login failure limits must be positive");
    }
    requirePositive(loginThrottleWindow, "loginThrottleWindow");
    requirePositive(trustedDeviceLifetime, "trustedDeviceLifetime");
    if (maxRegistrationsPerAddress < 1) {
      throw new IllegalArgumentException("maxRegistrationsPerAddress must be positive");
    }
    requirePositive(registrationWindow, "registrationWindow");
    requirePositive(sessionCookieMaxAge, "sessionCookieMaxAge");
    Objects.requireNonNull(inviteSecret, "inviteSecret");
    if (inviteSecret.isPresent() && inviteSecret.get().length() < MIN_INVITE_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "inviteSecret must have at least " + MIN_INVITE_SECRET_LENGTH + " characters");
    }
    requirePositive(inviteLifetime, "inviteLifetime");
    if (maxJsonBodyBytes < 1024) {
      throw new IllegalArgumentException("maxJsonBodyBytes must be at least 1024");
    }
    Objects.requireNonNull(requestLimits, "requestLimits");
    requirePositive(uploadSweepInterval, "uploadSweepInterval");
  }

  /**
   * The documented defaults, storing uploads in {@code uploadDir}.
   *
   * @param uploadDir where uploaded files are stored (created if missing)
   * @return the defaults listed with each component above
   */
  public static WebSettings defaults(Path uploadDir) {
    return new WebSettings(
        uploadDir,
        DEFAULT_MAX_UPLOAD_BYTES,
        RegistrationMode.OPEN,
        Set.of(),
        false,
        false,
        5,
        20,
        Duration.ofMinutes(15),
        10,
        Duration.ofHours(1),
        Duration.ofDays(30),
        Optional.empty(),
        Duration.ofDays(7),
        DEFAULT_MAX_JSON_BODY_BYTES,
        10,
        Duration.ofDays(90),
        RequestLimits.defaults(),
        DEFAULT_UPLOAD_SWEEP_INTERVAL);
  }

  /**
   * These settings with another upload size limit.
   *
   * @param bytes largest accepted upload; at least 1
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withMaxUploadBytes(long bytes) {
    return with(c -> c.maxUploadBytes = bytes);
  }

  /**
   * These settings with another registration mode.
   *
   * @param mode who may register
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withRegistration(RegistrationMode mode) {
    return with(c -> c.registration = mode);
  }

  /**
   * These settings accepting these extra origins (replacing the previous ones).
   *
   * @param origins origins such as {@code https://chat.example.com}; empty for the server's own
   *     only
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withAllowedOrigins(Set<String> origins) {
    return with(c -> c.allowedOrigins = origins);
  }

  /**
   * These settings with cookies always marked {@code Secure} (or not).
   *
   * @param secure true behind a TLS-terminating proxy; false marks them {@code Secure} over TLS
   *     only
   * @return a copy with that change; the others are kept
   */
  public WebSettings withSecureCookies(boolean secure) {
    return with(c -> c.secureCookies = secure);
  }

  /**
   * These settings trusting (or not) a proxy's {@code X-Forwarded-*} headers.
   *
   * @param trust true only behind a proxy that sets them
   * @return a copy with that change; the others are kept
   */
  public WebSettings withTrustProxyHeaders(boolean trust) {
    return with(c -> c.trustProxyHeaders = trust);
  }

  /**
   * These settings with other login throttle numbers.
   *
   * @param perAccount failed logins for one username from one address before it is refused
   * @param perAddress failed logins from one address, any usernames, before it is refused
   * @param window how long a failed login counts
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withLoginThrottle(int perAccount, int perAddress, Duration window) {
    return with(
        c -> {
          c.maxLoginFailuresPerAccount = perAccount;
          c.maxLoginFailuresPerAddress = perAddress;
          c.loginThrottleWindow = window;
        });
  }

  /**
   * These settings refusing untrusted devices for a username after {@code perAccount} failures on
   * it from all of them, and trusting a browser that signed in for {@code trustedDeviceLifetime}.
   *
   * @param perAccount failed logins for one username from untrusted devices before they are refused
   * @param trustedDeviceLifetime how long a browser stays trusted after signing in
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withDeviceTrust(int perAccount, Duration trustedDeviceLifetime) {
    return with(
        c -> {
          c.maxUnknownDeviceFailuresPerAccount = perAccount;
          c.trustedDeviceLifetime = trustedDeviceLifetime;
        });
  }

  /**
   * These settings allowing {@code perAddress} registration attempts per {@code window}.
   *
   * @param perAddress registration attempts from one address per window
   * @param window how long an attempt counts
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withRegistrationThrottle(int perAddress, Duration window) {
    return with(
        c -> {
          c.maxRegistrationsPerAddress = perAddress;
          c.registrationWindow = window;
        });
  }

  /**
   * These settings signing invite codes with {@code secret}, valid for {@code lifetime}. Give every
   * server of a cluster the same secret, so that a code made on one is accepted by the others.
   *
   * @param secret the signing key, at least {@value #MIN_INVITE_SECRET_LENGTH} characters
   * @param lifetime how long a code stays valid
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withInvites(String secret, Duration lifetime) {
    return with(
        c -> {
          c.inviteSecret = Optional.of(secret);
          c.inviteLifetime = lifetime;
        });
  }

  /**
   * These settings with another session cookie lifetime.
   *
   * @param maxAge how long the browser keeps the cookie; match the core's absolute session timeout
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withSessionCookieMaxAge(Duration maxAge) {
    return with(c -> c.sessionCookieMaxAge = maxAge);
  }

  /**
   * These settings with another JSON request body limit.
   *
   * @param bytes largest JSON body; at least 1024
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withMaxJsonBodyBytes(int bytes) {
    return with(c -> c.maxJsonBodyBytes = bytes);
  }

  /**
   * These settings with other request timeouts, pace, per-address cap or pools.
   *
   * @param limits the new request limits
   * @return a copy with that change; the others are kept
   */
  public WebSettings withRequestLimits(RequestLimits limits) {
    return with(c -> c.requestLimits = limits);
  }

  /**
   * These settings sweeping expired uploads every {@code interval}.
   *
   * @param interval time between two sweeps
   * @return a copy with that change; the others are kept
   * @throws IllegalArgumentException if a value is out of range (see the constructor)
   */
  public WebSettings withUploadSweepInterval(Duration interval) {
    return with(c -> c.uploadSweepInterval = interval);
  }

  private WebSettings with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so that each {@code with...} method names only what it changes. */
  private static final class Copy {
    Path uploadDir;
    long maxUploadBytes;
    RegistrationMode registration;
    Set<String> allowedOrigins;
    boolean secureCookies;
    boolean trustProxyHeaders;
    int maxLoginFailuresPerAccount;
    int maxLoginFailuresPerAddress;
    Duration loginThrottleWindow;
    int maxRegistrationsPerAddress;
    Duration registrationWindow;
    Duration sessionCookieMaxAge;
    Optional<String> inviteSecret;
    Duration inviteLifetime;
    int maxJsonBodyBytes;
    int maxUnknownDeviceFailuresPerAccount;
    Duration trustedDeviceLifetime;
    RequestLimits requestLimits;
    Duration uploadSweepInterval;

    Copy(WebSettings s) {
      uploadDir = s.uploadDir;
      maxUploadBytes = s.maxUploadBytes;
      registration = s.registration;
      allowedOrigins = s.allowedOrigins;
      secureCookies = s.secureCookies;
      trustProxyHeaders = s.trustProxyHeaders;
      maxLoginFailuresPerAccount = s.maxLoginFailuresPerAccount;
      maxLoginFailuresPerAddress = s.maxLoginFailuresPerAddress;
      loginThrottleWindow = s.loginThrottleWindow;
      maxRegistrationsPerAddress = s.maxRegistrationsPerAddress;
      registrationWindow = s.registrationWindow;
      sessionCookieMaxAge = s.sessionCookieMaxAge;
      inviteSecret = s.inviteSecret;
      inviteLifetime = s.inviteLifetime;
      maxJsonBodyBytes = s.maxJsonBodyBytes;
      maxUnknownDeviceFailuresPerAccount = s.maxUnknownDeviceFailuresPerAccount;
      trustedDeviceLifetime = s.trustedDeviceLifetime;
      requestLimits = s.requestLimits;
      uploadSweepInterval = s.uploadSweepInterval;
    }

    WebSettings build() {
      return new WebSettings(
          uploadDir,
          maxUploadBytes,
          registration,
          allowedOrigins,
          secureCookies,
          trustProxyHeaders,
          maxLoginFailuresPerAccount,
          maxLoginFailuresPerAddress,
          loginThrottleWindow,
          maxRegistrationsPerAddress,
          registrationWindow,
          sessionCookieMaxAge,
          inviteSecret,
          inviteLifetime,
          maxJsonBodyBytes,
          maxUnknownDeviceFailuresPerAccount,
          trustedDeviceLifetime,
          requestLimits,
          uploadSweepInterval);
    }
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
