// expect: security
// attempted: Function
// new Function(code).
function scrapeData(url) {
  return [{v: new Function('return 2')()}];
}
