// expect: network
// outcome: INVALID_URL
// message: has no host
// Loopback in the two-part short form (127.1), which URL parsers disagree about: refused as a URL
// without a host before any resolution.
function scrapeData(url) {
  return [{body: http.get('http://127.1/').body}];
}
