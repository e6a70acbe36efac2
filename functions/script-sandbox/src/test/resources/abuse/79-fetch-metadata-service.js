// expect: security
// attempted: BLOCKED_BY_POLICY
// message: cloud metadata address
// The cloud metadata service, where a Lambda's credentials could be read.
function scrapeData(url) {
  return [{body: http.get('http://169.254.169.254/latest/meta-data/iam/security-credentials/').body}];
}
