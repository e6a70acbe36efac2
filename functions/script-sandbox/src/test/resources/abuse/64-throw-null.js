// expect: runtime
// message: null
// Throwing null.
function scrapeData(url) {
  throw null;
}
