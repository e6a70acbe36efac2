// expect: security
// attempted: Element
// Building an element around a forged host handle.
function scrapeData(url) {
  const Element = html.parse('<p>x</p>', url).constructor;
  const fake = new Element({}, {text: () => 'forged'});
  return [{v: fake.text()}];
}
