// expect: security
// attempted: BLOCKED_BY_POLICY
// message: names this machine
// Fetching this machine by name instead of address.
function scrapeData(url) {
  return [{body: http.get('http://localhost/').body}];
}
