// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// Loopback written as one hexadecimal number (0x7f000001 = 127.0.0.1).
function scrapeData(url) {
  return [{body: http.get('http://0x7f000001/').body}];
}
