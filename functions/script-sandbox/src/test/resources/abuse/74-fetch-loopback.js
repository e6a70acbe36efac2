// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// Fetching a service on this machine by its loopback address.
function scrapeData(url) {
  return [{body: http.get('http://127.0.0.1:8080/admin').body}];
}
