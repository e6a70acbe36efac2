// expect: security
// attempted: eval
// Direct eval of a string.
function scrapeData(url) {
  return [{v: eval('1 + 1')}];
}
