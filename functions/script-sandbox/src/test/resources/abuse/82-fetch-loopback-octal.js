// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// Loopback with an octal first part (0177 = 127).
function scrapeData(url) {
  return [{body: http.get('http://0177.0.0.1/').body}];
}
