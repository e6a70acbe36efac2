// expect: security
// attempted: BLOCKED_BY_POLICY
// message: loopback address
// The allow-list opens one host:port; the same address on another port stays closed.
function scrapeData(url) {
  const port = Number(url.match(/:(\d+)\//)[1]);
  return [{body: http.get(url.replace(':' + port + '/', ':' + (port === 65535 ? port - 1 : port + 1) + '/')).body}];
}
