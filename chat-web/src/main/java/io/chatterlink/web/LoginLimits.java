package io.chatterlink.web;

import java.time.Duration;

/**
 * The numbers of the {@link LoginThrottle}, taken from {@link WebSettings}.
 *
 * @param perAccountAndAddress failures on one account from one address, or from one trusted device
 * @param perAddress failures from one address on any accounts
 * @param perAccountUntrusted failures on one account from all devices not trusted for it
 * @param window how long a failure counts
 * @param trustedDeviceLifetime how long a device stays trusted after it signed in
 */
record LoginLimits(
    int perAccountAndAddress,
    int perAddress,
    int perAccountUntrusted,
    Duration window,
    Duration trustedDeviceLifetime) {
  static LoginLimits of(WebSettings settings) {
    return new LoginLimits(
        settings.maxLoginFailuresPerAccount(),
        settings.maxLoginFailuresPerAddress(),
        settings.maxUnknownDeviceFailuresPerAccount(),
        settings.loginThrottleWindow(),
        settings.trustedDeviceLifetime());
  }
}
