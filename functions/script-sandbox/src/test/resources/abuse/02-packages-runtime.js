// expect: security
// attempted: Packages
// Host classes through the Nashorn-style Packages global.
function scrapeData(url) {
  return [{v: String(Packages.java.lang.Runtime.getRuntime())}];
}
