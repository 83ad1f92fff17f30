package io.chatterlink.web;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing: after {@code perAccount} failed logins for one username, or {@code
 * perAddress} from one client address, within the window, further attempts are refused without
 * checking the password until the oldest of those failures is a window old. A successful login
 * clears the username's failures (not the address's). Unknown usernames count exactly like known
 * ones, so the throttle reveals nothing about which accounts exist.
 */
final class LoginThrottle {
  private final EventWindow accounts;
  private final EventWindow addresses;

  LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
    this.accounts = new EventWindow(perAccount, window, clock);
    this.addresses = new EventWindow(perAddress, window, clock);
  }

  /**
   * @throws RetryLaterException when the account or the address is throttled
   */
  void checkAllowed(String account, String address) {
    long wait =
        Math.max(accounts.secondsUntilAllowed(account), addresses.secondsUntilAllowed(address));
    if (wait > 0) {
      throw new RetryLaterException("too many failed logins; try again later", wait);
    }
  }

  void failed(String account, String address) {
    accounts.record(account);
    addresses.record(address);
  }

  void succeeded(String account) {
    accounts.clear(account);
  }
}
