// expect: security
// attempted: Function
// Escape attempts at load time, before scrapeData is called.
const global = Function('return this')();
function scrapeData(url) {
  return [];
}
