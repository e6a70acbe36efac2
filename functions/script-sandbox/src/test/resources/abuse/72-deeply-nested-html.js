// expect: timeout
// limits: {"timeoutMs": 3000}
// A parse bomb of 100 000 nested elements: the HTML parser's work grows with the square of the
// depth, in host code; the wall clock stops it.
function scrapeData(url) {
  const body = '<div>'.repeat(100000) + 'x' + '</div>'.repeat(100000);
  const doc = html.parse(body, url);
  return [{divs: doc.select('div').length}];
}
