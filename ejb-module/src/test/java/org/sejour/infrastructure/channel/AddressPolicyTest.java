package org.sejour.infrastructure.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which addresses and ports the feed import may reach: every refused class, by its literal. */
class AddressPolicyTest {

    // no interface addresses: what is refused here is refused by its class alone
    private final AddressPolicy strict = AddressPolicy.strict().withOwnAddresses(Set::of);

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1        | loopback",
            "127.255.255.254  | loopback",
            "10.1.2.3         | private",
            "172.16.0.1       | private",
            "172.31.255.255   | private",
            "192.168.1.10     | private",
            "169.254.169.254  | link-local",
            "100.64.0.1       | carrier-grade NAT",
            "100.127.255.255  | carrier-grade NAT",
            "0.0.0.0          | unspecified",
            "0.1.2.3          | this network",
            "224.0.0.1        | multicast",
            "239.255.255.250  | multicast",
            "255.255.255.255  | broadcast",
            "240.0.0.1        | reserved",
            "192.0.0.8        | IETF",
            "198.18.0.1       | benchmarking",
            "192.0.2.2        | documentation",
            "::1              | loopback",
            "::               | unspecified",
            "::127.0.0.1      | IPv4-compatible",
            "fe80::1          | link-local",
            "febf:ffff::1     | link-local",
            "fec0::1          | site-local",
            "fc00::1          | unique local",
            "fd12:3456::1     | unique local",
            "ff02::1          | multicast",
            "ff05::1:3        | multicast",
            "64:ff9b::7f00:1  | NAT64 of 127.0.0.1, loopback",
            "64:ff9b::a00:1   | NAT64 of 10.0.0.1, private",
            "64:ff9b:1::1     | local-use NAT64",
            "2002:7f00:1::    | 6to4 of 127.0.0.1, loopback",
            "2002:c0a8:101::1 | 6to4 of 192.168.1.1, private",
            "2002:a9fe:a9fe:: | 6to4 of 169.254.169.254, link-local",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo",
            "2001:db8::1      | documentation",
            "100::1           | discard",
            "4000::1          | not global unicast",
    })
    void everySpecialPurposeRangeIsRefused(String literal, String reason) throws UnknownHostException {
        Optional<String> refusal = strict.refusal(InetAddress.getByName(literal));
        assertTrue(refusal.isPresent(), literal + " passed");
        assertTrue(refusal.get().contains(reason), literal + ": " + refusal.get());
    }

    /** Java hands ::ffff:a.b.c.d back as IPv4; an Inet6Address of that form is checked the same way. */
    @Test
    void ipv4MappedAddressesAreCheckedAsTheirIpv4() throws UnknownHostException {
        assertEquals("loopback", strict.refusal(InetAddress.getByName("::ffff:127.0.0.1")).orElseThrow());
        assertEquals("loopback", strict.refusal(mapped("7f000001")).orElseThrow());
        assertTrue(strict.refusal(mapped("0a000001")).orElseThrow().contains("private"));
        assertEquals(Optional.empty(), strict.refusal(mapped("5db8d70e")), "mapped public 93.184.215.14");
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2a00:1450:4007:80e::200e",
            "64:ff9b::5db8:d70e", "2002:5db8:d70e::1"})
    void publicAddressesPass(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), strict.refusal(InetAddress.getByName(literal)), literal);
    }

    /** The machine's own addresses are refused whatever their range: a public one reaches the admin port too. */
    @Test
    void theMachinesOwnAddressesAreRefusedInAnyRange() throws Exception {
        InetAddress ownPublic = InetAddress.getByName("93.184.215.14");
        AddressPolicy policy = AddressPolicy.strict().withOwnAddresses(() -> Set.of(ownPublic));
        assertEquals("an address of this machine", policy.refusal(ownPublic).orElseThrow());
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("93.184.215.15")));

        // the real enumeration: every address of every interface is in the set
        Set<InetAddress> own = AddressPolicy.interfaceAddresses();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                assertTrue(AddressPolicy.strict().refusal(address).isPresent(), address + " of " + nic.getName());
                assertTrue(own.contains(InetAddress.getByAddress(address.getAddress())), address + " of " + nic.getName());
            }
        }
    }

    @Test
    void theOperatorsNetworksAreAllowedAndNothingElse() throws UnknownHostException {
        AddressPolicy intranet = AddressPolicy.of("10.20.0.0/16, fd12:3456::/64, 127.0.0.1", "");
        assertEquals(Optional.empty(), intranet.refusal(InetAddress.getByName("10.20.30.40")));
        assertEquals(Optional.empty(), intranet.refusal(InetAddress.getByName("fd12:3456::99")));
        assertEquals(Optional.empty(), intranet.refusal(InetAddress.getByName("127.0.0.1")), "even an own address");
        assertTrue(intranet.refusal(InetAddress.getByName("10.21.0.1")).isPresent());
        assertTrue(intranet.refusal(InetAddress.getByName("127.0.0.2")).isPresent());
        assertTrue(intranet.refusal(InetAddress.getByName("fd12:3457::1")).isPresent());
        assertTrue(intranet.refusal(InetAddress.getByName("169.254.169.254")).isPresent());
    }

    @Test
    void onlyPorts80And443UnlessTheOperatorAllowsMore() {
        assertTrue(strict.portAllowed(80));
        assertTrue(strict.portAllowed(443));
        for (int port : new int[]{0, 21, 22, 25, 5432, 8048, 8080, 8443, 65535}) {
            assertFalse(strict.portAllowed(port), "port " + port);
        }
        AddressPolicy more = AddressPolicy.of("", "8443, 12000-12099");
        assertTrue(more.portAllowed(8443));
        assertTrue(more.portAllowed(12000) && more.portAllowed(12099));
        assertFalse(more.portAllowed(8080) || more.portAllowed(11999) || more.portAllowed(12100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "intranet.example/24", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "0x7f.1"})
    void aNetworkSettingThatIsNotAnAddressIsRefusedAtStart(String network) {
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.of(network, ""), network);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "9000-8000", "http", "80-"})
    void aPortSettingThatIsNotAPortIsRefusedAtStart(String ports) {
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.of("", ports), ports);
    }

    private static InetAddress mapped(String ipv4Hex) throws UnknownHostException {
        return Inet6Address.getByAddress(null, HexFormat.of().parseHex("00000000000000000000ffff" + ipv4Hex), null);
    }
}
