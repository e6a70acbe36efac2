// expect: security
// attempted: loadWithNewGlobal
// loadWithNewGlobal() of a URL.
function scrapeData(url) {
  loadWithNewGlobal({script: 'this', name: 'x'});
  return [];
}
