// expect: security
// attempted: Java
// Host class lookup through the Java global.
function scrapeData(url) {
  const Runtime = Java.type('java.lang.Runtime');
  return [{out: String(Runtime.getRuntime().exec('id'))}];
}
