// expect: security
// attempted: Function
// The Function constructor reached through a host API function.
function scrapeData(url) {
  const global = http.get.constructor('return globalThis')();
  return [{keys: Object.keys(global).join(',')}];
}
