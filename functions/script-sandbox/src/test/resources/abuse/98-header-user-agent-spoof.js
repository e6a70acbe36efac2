// expect: security
// attempted: BLOCKED_HEADER
// message: User-Agent
// Changing the User-Agent, which robots.txt rules are matched against.
function scrapeData(url) {
  http.get(url, {headers: {'User-Agent': 'Googlebot/2.1'}});
  return [];
}
