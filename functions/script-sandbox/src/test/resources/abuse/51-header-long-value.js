// expect: security
// attempted: BLOCKED_HEADER
// message: longer than
// Smuggling data out in a long header value.
function scrapeData(url) {
  http.get(url, {headers: {Referer: 'https://evil.example/?' + 'x'.repeat(5000)}});
  return [];
}
