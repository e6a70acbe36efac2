// expect: runtime
// message: Cannot redefine
// Redefining the http global itself.
function scrapeData(url) {
  Object.defineProperty(globalThis, 'http', {value: {get: () => 'forged'}});
  return [];
}
