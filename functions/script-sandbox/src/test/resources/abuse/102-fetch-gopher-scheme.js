// expect: security
// attempted: BLOCKED_SCHEME
// A gopher: URL, a classic way to speak raw protocols to internal services.
function scrapeData(url) {
  return [{body: http.get('gopher://127.0.0.1:6379/_INFO').body}];
}
