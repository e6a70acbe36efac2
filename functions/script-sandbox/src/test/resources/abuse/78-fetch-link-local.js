// expect: security
// attempted: BLOCKED_BY_POLICY
// message: link-local address
// A link-local address (169.254.0.0/16 outside the metadata service).
function scrapeData(url) {
  return [{body: http.get('http://169.254.10.10/').body}];
}
