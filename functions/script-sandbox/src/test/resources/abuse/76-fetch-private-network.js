// expect: security
// attempted: BLOCKED_BY_POLICY
// message: private address
// Reaching into the private network (RFC 1918).
function scrapeData(url) {
  return [{body: http.get('http://10.0.0.1/admin').body}];
}
