// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// The IPv6 loopback address.
function scrapeData(url) {
  return [{body: http.get('http://[::1]:8080/').body}];
}
