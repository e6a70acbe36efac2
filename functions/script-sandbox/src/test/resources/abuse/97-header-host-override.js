// expect: security
// attempted: BLOCKED_HEADER
// message: Host
// Sending an allowed address with the Host header of the metadata service (virtual-host confusion).
function scrapeData(url) {
  http.get(url, {headers: {Host: '169.254.169.254'}});
  return [];
}
