// expect: security
// attempted: BLOCKED_BY_POLICY
// message: cloud metadata address
// The metadata address written as one decimal number (2852039166 = 169.254.169.254).
function scrapeData(url) {
  return [{body: http.get('http://2852039166/latest/meta-data/').body}];
}
