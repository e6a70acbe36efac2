// expect: security
// attempted: BLOCKED_BY_POLICY
// message: unspecified address
// 0.0.0.0, which reaches this machine on many systems.
function scrapeData(url) {
  return [{body: http.get('http://0.0.0.0:8080/').body}];
}
