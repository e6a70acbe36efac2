// expect: timeout
// limits: {"timeoutMs": 2000}
// Catastrophic backtracking inside the HTML library's :matches() (a Java regex in the host, out of
// reach of the statement limit): the wall clock still stops it.
function scrapeData(url) {
  const doc = html.parse('<p>' + 'a'.repeat(40) + '!</p>', url);
  return [{n: doc.select('p:matches(^(a+)+\\1$)').length}];
}
