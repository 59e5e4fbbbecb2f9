package org.sejour.infrastructure.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where the feed import may connect: public addresses on ports 80 and 443. Refused: every
 * special-purpose range that is not the public Internet (loopback, private, link-local, CGNAT,
 * multicast, broadcast, documentation…), any address of this machine's own interfaces (its
 * public address reaches the admin port as well as 127.0.0.1 does), and the IPv6 forms that
 * lead to the same places (IPv4-mapped, NAT64, 6to4 carrying a refused IPv4, Teredo, ULA).
 * The operator may allow networks (an intranet calendar server) and more ports.
 */
public final class AddressPolicy {

    /** The standard web ports, always allowed. */
    public static final Set<Integer> STANDARD_PORTS = Set.of(80, 443);

    private static final List<Network> REFUSED_V4 = List.of(
            Network.parse("0.0.0.0/8", "this network (unspecified)"),
            Network.parse("10.0.0.0/8", "private (RFC 1918)"),
            Network.parse("100.64.0.0/10", "carrier-grade NAT"),
            Network.parse("127.0.0.0/8", "loopback"),
            Network.parse("169.254.0.0/16", "link-local (cloud metadata)"),
            Network.parse("172.16.0.0/12", "private (RFC 1918)"),
            Network.parse("192.0.0.0/24", "IETF protocol assignments"),
            Network.parse("192.0.2.0/24", "documentation"),
            Network.parse("192.88.99.0/24", "6to4 relay anycast"),
            Network.parse("192.168.0.0/16", "private (RFC 1918)"),
            Network.parse("198.18.0.0/15", "benchmarking"),
            Network.parse("198.51.100.0/24", "documentation"),
            Network.parse("203.0.113.0/24", "documentation"),
            Network.parse("224.0.0.0/4", "multicast"),
            Network.parse("240.0.0.0/4", "reserved and broadcast"));

    private static final List<Network> REFUSED_V6 = List.of(
            Network.parse("::/128", "unspecified"),
            Network.parse("::1/128", "loopback"),
            Network.parse("::/96", "IPv4-compatible (deprecated)"),
            Network.parse("64:ff9b:1::/48", "local-use NAT64"),
            Network.parse("100::/64", "discard-only"),
            Network.parse("2001::/32", "Teredo"),
            Network.parse("2001:db8::/32", "documentation"),
            Network.parse("3fff::/20", "documentation"),
            Network.parse("fc00::/7", "unique local (ULA)"),
            Network.parse("fe80::/10", "link-local"),
            Network.parse("fec0::/10", "site-local (deprecated)"),
            Network.parse("ff00::/8", "multicast"));
    private static final Network GLOBAL_UNICAST_V6 = Network.parse("2000::/3", "global unicast");
    private static final Network MAPPED = Network.parse("::ffff:0:0/96", "IPv4-mapped");
    private static final Network NAT64 = Network.parse("64:ff9b::/96", "NAT64");
    private static final Network SIX_TO_FOUR = Network.parse("2002::/16", "6to4");

    private final List<Network> allowedNetworks;
    private final List<int[]> extraPorts;
    private final Supplier<Set<InetAddress>> ownAddresses;

    AddressPolicy(List<Network> allowedNetworks, List<int[]> extraPorts, Supplier<Set<InetAddress>> ownAddresses) {
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.extraPorts = List.copyOf(extraPorts);
        this.ownAddresses = Objects.requireNonNull(ownAddresses, "own addresses are required");
    }

    /**
     * @param allowedNetworks comma-separated addresses or CIDR blocks the operator trusts even
     *                        though they are private or local ("10.0.0.5/32, fd12::/64"); empty: none
     * @param extraPorts      comma-separated ports or ranges allowed besides 80 and 443 ("8443, 1024-2048")
     */
    public static AddressPolicy of(String allowedNetworks, String extraPorts) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list(allowedNetworks)) {
            networks.add(Network.parse(entry, "allowed by the operator"));
        }
        List<int[]> ports = new ArrayList<>();
        for (String entry : list(extraPorts)) {
            ports.add(portRange(entry));
        }
        return new AddressPolicy(networks, ports, AddressPolicy::interfaceAddresses);
    }

    /** Public addresses on the standard ports only, whatever the operator set. */
    public static AddressPolicy strict() {
        return of("", "");
    }

    AddressPolicy withOwnAddresses(Supplier<Set<InetAddress>> own) {
        return new AddressPolicy(allowedNetworks, extraPorts, own);
    }

    public boolean portAllowed(int port) {
        return STANDARD_PORTS.contains(port) || extraPorts.stream().anyMatch(r -> port >= r[0] && port <= r[1]);
    }

    /** Why the address is refused (for the server log), or empty when it may be fetched. */
    public Optional<String> refusal(InetAddress address) {
        if (allowedNetworks.stream().anyMatch(n -> n.contains(address))) {
            return Optional.empty();
        }
        InetAddress plain = withoutScope(address);
        if (ownAddresses.get().contains(plain)) {
            return Optional.of("an address of this machine");
        }
        return classify(plain);
    }

    private static Optional<String> classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return REFUSED_V4.stream().filter(n -> n.contains(address)).map(Network::reason).findFirst();
        }
        // the forms that carry an IPv4 address lead wherever that address does
        if (MAPPED.contains(address)) {
            return embedded(b, 12, MAPPED);
        }
        if (NAT64.contains(address)) {
            return embedded(b, 12, NAT64);
        }
        if (SIX_TO_FOUR.contains(address)) {
            return embedded(b, 2, SIX_TO_FOUR);
        }
        Optional<String> named = REFUSED_V6.stream().filter(n -> n.contains(address)).map(Network::reason).findFirst();
        if (named.isPresent() || GLOBAL_UNICAST_V6.contains(address)) {
            return named;
        }
        return Optional.of("not global unicast IPv6");
    }

    private static Optional<String> embedded(byte[] address, int offset, Network form) {
        try {
            InetAddress v4 = InetAddress.getByAddress(Arrays.copyOfRange(address, offset, offset + 4));
            return classify(v4).map(reason -> form.reason() + " of " + v4.getHostAddress() + ", " + reason);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static InetAddress withoutScope(InetAddress address) {
        if (address instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(address.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address;
    }

    /** Every address of every interface of this machine, and their broadcast addresses; read at each check (DHCP moves them). */
    static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> own = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    own.add(withoutScope(address.getAddress()));
                    if (address.getBroadcast() != null) {
                        own.add(address.getBroadcast());
                    }
                }
            }
        } catch (SocketException e) {
            // no list of interfaces: every special range is still refused by class
            return Set.of();
        }
        return own;
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static int[] portRange(String entry) {
        String[] bounds = entry.split("-", 2);
        try {
            int from = Integer.parseInt(bounds[0].strip());
            int to = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : from;
            if (from < 1 || to > 65535 || from > to) {
                throw new IllegalArgumentException("not a port range: " + entry);
            }
            return new int[]{from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port range: " + entry, e);
        }
    }

    /** A CIDR block; a bare address is a block of one. */
    record Network(byte[] prefix, int bits, String reason) {

        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        static Network parse(String cidr, String reason) {
            String[] parts = cidr.strip().split("/", 2);
            String literal = parts[0].strip();
            // literals only: a name here would be looked up once and trusted forever
            if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
            }
            byte[] prefix;
            try {
                InetAddress address = InetAddress.getByName(literal);
                prefix = address.getAddress();
                if (literal.contains(":") && address instanceof Inet4Address) {
                    // Java turns ::ffff:a.b.c.d into a.b.c.d; a block of that form is kept in IPv6
                    prefix = new byte[16];
                    prefix[10] = (byte) 0xff;
                    prefix[11] = (byte) 0xff;
                    System.arraycopy(address.getAddress(), 0, prefix, 12, 4);
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr, e);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : prefix.length * 8;
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
            return new Network(prefix, bits, reason);
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (prefix[full] & mask);
        }
    }
}
