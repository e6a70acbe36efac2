// expect: security
// attempted: BLOCKED_HEADER
// message: Cookie
// Sending a cookie.
function scrapeData(url) {
  http.get(url, {headers: {Cookie: 'session=stolen'}});
  return [];
}
