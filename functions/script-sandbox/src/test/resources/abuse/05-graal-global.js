// expect: security
// attempted: Graal
// The Graal global (engine introspection).
function scrapeData(url) {
  return [{v: Graal.versionGraalVM}];
}
