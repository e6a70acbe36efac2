// expect: security
// attempted: require
// Node-style module loading for file access.
function scrapeData(url) {
  return [{passwd: require('fs').readFileSync('/etc/passwd', 'utf8')}];
}
