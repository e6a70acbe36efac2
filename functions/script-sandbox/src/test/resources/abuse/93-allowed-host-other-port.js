// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// The allow-list opens one host:port; the same address on another port (the decoy) stays closed.
function scrapeData(url) {
  const decoy = url.match(/decoy=(\d+)/)[1];
  return [{body: http.get('http://127.0.0.1:' + decoy + '/').body}];
}
