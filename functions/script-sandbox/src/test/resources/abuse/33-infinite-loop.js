// expect: resource STATEMENTS
// A loop that never ends.
function scrapeData(url) {
  while (true) {
  }
}
