// expect: runtime
// message: getClass is not a function
// Java reflection through an element returned by html.parse.
function scrapeData(url) {
  const doc = html.parse('<p>x</p>', url);
  return [{cls: String(doc.getClass().forName('java.lang.Runtime'))}];
}
