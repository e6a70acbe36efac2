// expect: security
// attempted: Function
// The Function constructor through log.__proto__.
function scrapeData(url) {
  const F = log.__proto__.constructor.constructor;
  return [{v: F('return 1')()}];
}
