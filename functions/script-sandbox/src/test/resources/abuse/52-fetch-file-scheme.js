// expect: security
// attempted: BLOCKED_SCHEME
// Fetching a local file through a file: URL.
function scrapeData(url) {
  return [{body: http.get('file:///etc/passwd').body}];
}
