// expect: security
// attempted: java
// The java.* package shortcut, to exit the JVM.
function scrapeData(url) {
  java.lang.System.exit(1);
  return [];
}
