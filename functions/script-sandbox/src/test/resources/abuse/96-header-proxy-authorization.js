// expect: security
// attempted: BLOCKED_HEADER
// message: Proxy-Authorization
// Sending proxy credentials.
function scrapeData(url) {
  http.get(url, {headers: {'Proxy-Authorization': 'Basic dXNlcjpwYXNz'}});
  return [];
}
