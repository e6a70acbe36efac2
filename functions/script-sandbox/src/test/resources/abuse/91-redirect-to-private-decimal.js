// expect: security
// attempted: BLOCKED_BY_POLICY
// message: private address
// An allowed host redirects to a private address written as a decimal number (167772161 = 10.0.0.1).
function scrapeData(url) {
  return [{body: http.get(url.replace('/world/', '/go/private-decimal')).body}];
}
