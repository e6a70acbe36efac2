// expect: security
// attempted: BLOCKED_BY_POLICY
// message: cloud metadata address
// An allowed host redirects to the metadata service.
function scrapeData(url) {
  return [{body: http.get(url.replace('/world/', '/go/metadata')).body}];
}
