// expect: security
// attempted: Function
// The Function constructor through Object.getPrototypeOf(http.get).
function scrapeData(url) {
  const F = Object.getPrototypeOf(http.get).constructor;
  return [{v: F('return this')()}];
}
