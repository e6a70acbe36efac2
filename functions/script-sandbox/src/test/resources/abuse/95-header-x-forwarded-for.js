// expect: security
// attempted: BLOCKED_HEADER
// message: X-Forwarded-For
// Pretending to be an internal client through a forwarding header.
function scrapeData(url) {
  http.get(url, {headers: {'X-Forwarded-For': '10.0.0.1'}});
  return [];
}
