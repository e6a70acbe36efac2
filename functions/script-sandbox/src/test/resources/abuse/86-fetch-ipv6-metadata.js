// expect: security
// attempted: BLOCKED_BY_POLICY
// message: cloud metadata address
// The IPv6 metadata address of EC2 (fd00:ec2::254).
function scrapeData(url) {
  return [{body: http.get('http://[fd00:ec2::254]/latest/meta-data/').body}];
}
