// expect: security
// attempted: BLOCKED_BY_POLICY
// message: cloud metadata address
// The metadata address hidden in an IPv4-mapped IPv6 address.
function scrapeData(url) {
  return [{body: http.get('http://[::ffff:169.254.169.254]/latest/meta-data/').body}];
}
