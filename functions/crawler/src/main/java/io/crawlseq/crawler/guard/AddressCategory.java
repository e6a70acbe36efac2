package io.crawlseq.crawler.guard;

/** What kind of network an IP address belongs to. Only {@link #PUBLIC} is fetched without an allowance. */
public enum AddressCategory {
    PUBLIC("public address"),
    LOOPBACK("loopback address"),
    PRIVATE("private address (RFC 1918 / unique local fc00::/7)"),
    LINK_LOCAL("link-local address"),
    CLOUD_METADATA("cloud metadata address"),
    SHARED_CGNAT("carrier-grade NAT address (100.64.0.0/10)"),
    MULTICAST("multicast address"),
    UNSPECIFIED("unspecified address"),
    BROADCAST("broadcast address"),
    THIS_NETWORK("'this network' address (0.0.0.0/8)"),
    RESERVED("reserved or special-purpose address");

    private final String description;

    AddressCategory(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isBlocked() {
        return this != PUBLIC;
    }
}
