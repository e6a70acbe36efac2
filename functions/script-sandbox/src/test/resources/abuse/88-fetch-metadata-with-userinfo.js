// expect: security
// attempted: BLOCKED_BY_POLICY
// message: cloud metadata address
// A public-looking name in the user-info part; the host is still the metadata address.
function scrapeData(url) {
  return [{body: http.get('http://www.example.com@169.254.169.254/latest/meta-data/').body}];
}
