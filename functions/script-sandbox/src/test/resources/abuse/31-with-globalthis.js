// expect: security
// attempted: Java
// Looking up Java through a with (globalThis) scope.
function scrapeData(url) {
  with (globalThis) {
    return [{v: String(Java)}];
  }
}
