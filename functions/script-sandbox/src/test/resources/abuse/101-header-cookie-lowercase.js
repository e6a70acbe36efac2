// expect: security
// attempted: BLOCKED_HEADER
// message: cookie
// Sending a cookie under a lower-case name.
function scrapeData(url) {
  http.get(url, {headers: {cookie: 'session=stolen'}});
  return [];
}
