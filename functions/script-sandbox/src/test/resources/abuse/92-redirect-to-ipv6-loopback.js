// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// An allowed host redirects to the IPv6 loopback address.
function scrapeData(url) {
  return [{body: http.get(url.replace('/world/', '/go/ipv6-loopback')).body}];
}
