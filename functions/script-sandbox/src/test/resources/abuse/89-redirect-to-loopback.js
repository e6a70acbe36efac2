// expect: security
// attempted: BLOCKED_BY_POLICY
// message: redirect to http://127.0.0.1:1/admin refused
// An allowed host redirects to a loopback service.
function scrapeData(url) {
  return [{body: http.get(url.replace('/world/', '/go/loopback')).body}];
}
