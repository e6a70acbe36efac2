package io.crawlseq.crawler.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.crawler.url.IpLiterals;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    private static InetAddress literal(String text) {
        return IpLiterals.literal(text).orElseThrow().address();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "93.184.216.34, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.1.2.3, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "172.32.0.1, PUBLIC",
            "192.168.0.1, PRIVATE",
            "169.254.1.1, LINK_LOCAL",
            "169.254.169.254, CLOUD_METADATA",
            "100.64.0.1, SHARED_CGNAT",
            "100.127.255.255, SHARED_CGNAT",
            "100.128.0.1, PUBLIC",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "255.255.255.255, BROADCAST",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, THIS_NETWORK",
            "240.0.0.1, RESERVED",
            "198.18.0.1, RESERVED",
            "::1, LOOPBACK",
            "::, UNSPECIFIED",
            "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "fec0::1, PRIVATE",
            "ff02::1, MULTICAST",
            "fd00:ec2::254, CLOUD_METADATA",
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::ffff:8.8.8.8, PUBLIC",
            "::127.0.0.1, LOOPBACK",
            "64:ff9b::a9fe:a9fe, CLOUD_METADATA",
            "64:ff9b::808:808, PUBLIC",
            "64:ff9b:1::1, PRIVATE",
            "2002:7f00:1::, LOOPBACK",
            "2001:db8::1, RESERVED",
            "2606:4700:4700::1111, PUBLIC",
    })
    void classify_namesTheNetwork(String address, AddressCategory expected) {
        assertThat(AddressClassifier.classify(literal(address))).isEqualTo(expected);
    }

    @Test
    void allowList_parsesHostAndOptionalPort() {
        AllowList.Parsed parsed = AllowList.parse(List.of("127.0.0.1:8123", "Intranet.Example", "[::1]:9000", " "));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.allowList().entries()).containsExactly(
                new AllowedHost("127.0.0.1", 8123), new AllowedHost("intranet.example", -1), new AllowedHost("::1", 9000));
    }

    @Test
    void allowList_reportsEachBadEntry() {
        AllowList.Parsed parsed = AllowList.parse(List.of("http://x/", "host:99999", "bad host", "ok.example", "h:"));

        assertThat(parsed.allowList().entries()).containsExactly(new AllowedHost("ok.example", -1));
        assertThat(parsed.errors()).containsExactly(
                "allow-host 'http://x/': expected HOST[:PORT], not a URL",
                "allow-host 'host:99999': invalid port",
                "allow-host 'bad host': invalid host",
                "allow-host 'h:': empty port");
    }

    @Test
    void allowList_readsTheEnvironmentVariable() {
        AllowList.Parsed parsed = AllowList.fromEnvironment(Map.of("CRAWLSEQ_ALLOW_HOSTS", "127.0.0.1:1,10.0.0.5"));

        assertThat(parsed.allowList().entries()).containsExactly(
                new AllowedHost("127.0.0.1", 1), new AllowedHost("10.0.0.5", -1));
        assertThat(AllowList.fromEnvironment(Map.of()).allowList().isEmpty()).isTrue();
    }
}
