// expect: security
// attempted: BLOCKED_HEADER
// message: Authorization
// Sending credentials in a request header.
function scrapeData(url) {
  http.get(url, {headers: {Authorization: 'Bearer stolen-token'}});
  return [];
}
