// expect: security
// attempted: Polyglot
// Evaluating code in another language through Polyglot.
function scrapeData(url) {
  return [{v: Polyglot.eval('js', '1 + 1')}];
}
