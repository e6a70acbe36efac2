// expect: runtime
// message: not a function
// Indirect eval looked up by a computed name.
function scrapeData(url) {
  const e = globalThis['ev' + 'al'];
  return [{v: e('1 + 1')}];
}
