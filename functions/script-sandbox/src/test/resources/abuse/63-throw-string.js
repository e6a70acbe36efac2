// expect: runtime
// message: boom
// Throwing a string instead of an Error.
function scrapeData(url) {
  throw 'boom';
}
