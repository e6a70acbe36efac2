// expect: security
// attempted: BLOCKED_BY_POLICY
// message: refused: 127.0.0.1 is a loopback address
// An allowed host redirects to another service on loopback (the decoy).
function scrapeData(url) {
  return [{body: http.get(url.replace('/world/', '/go/loopback')).body}];
}
