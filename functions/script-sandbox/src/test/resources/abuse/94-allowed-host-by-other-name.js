// expect: security
// attempted: BLOCKED_BY_POLICY
// message: names this machine
// The allowed fixture reached through the name localhost instead of the allowed address.
function scrapeData(url) {
  return [{body: http.get(url.replace('127.0.0.1', 'localhost')).body}];
}
