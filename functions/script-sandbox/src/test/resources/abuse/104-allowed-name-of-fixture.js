// expect: security
// attempted: BLOCKED_BY_POLICY
// message: names this machine
// The allowed fixture itself, under the name localhost: only the allowed address:port opens it.
function scrapeData(url) {
  return [{body: http.get(url.replace('127.0.0.1', 'localhost')).body}];
}
