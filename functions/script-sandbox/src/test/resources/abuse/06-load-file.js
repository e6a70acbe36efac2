// expect: security
// attempted: load
// load() of a local file.
function scrapeData(url) {
  load('/etc/passwd');
  return [];
}
