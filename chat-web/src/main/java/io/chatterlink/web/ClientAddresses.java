package io.chatterlink.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The network a client address stands for in the login throttle: an IPv4 address itself, an IPv6
 * address its /64 prefix, since one subscriber usually gets a whole /64 and could otherwise rotate
 * through its addresses to dodge a per-address limit.
 */
final class ClientAddresses {
  private ClientAddresses() {}

  static String networkOf(String address) {
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    // Only an IPv6 literal contains ':'; InetAddress parses it without any name lookup.
    if (bare.indexOf(':') < 0 || !bare.matches("[0-9A-Fa-f:.]+")) {
      return bare.toLowerCase(Locale.ROOT);
    }
    try {
      byte[] bytes = InetAddress.getByName(bare).getAddress();
      if (bytes.length != 16) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      Arrays.fill(bytes, 8, 16, (byte) 0);
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return bare.toLowerCase(Locale.ROOT);
    }
  }
}
