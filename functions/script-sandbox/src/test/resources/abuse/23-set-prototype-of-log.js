// expect: runtime
// message: setPrototype failed
// Swapping the prototype of a host API object.
function scrapeData(url) {
  Object.setPrototypeOf(log, {info: () => 'forged'});
  return [];
}
