// expect: runtime
// message: private
// Calling an element method on an object that is not an element.
function scrapeData(url) {
  const text = html.parse('<p>x</p>', url).text;
  return [{v: text.call({})}];
}
