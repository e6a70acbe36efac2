// expect: security
// attempted: BLOCKED_BY_POLICY
// message: names this machine
// A loopback service (the decoy) reached through the name localhost instead of an address.
function scrapeData(url) {
  const decoy = url.match(/decoy=(\d+)/)[1];
  return [{body: http.get('http://localhost:' + decoy + '/').body}];
}
