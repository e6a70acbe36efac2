// expect: security
// attempted: Function
// The classic ({}).constructor.constructor('return this')() escape.
function scrapeData(url) {
  const g = ({}).constructor.constructor('return this')();
  return [{v: typeof g}];
}
