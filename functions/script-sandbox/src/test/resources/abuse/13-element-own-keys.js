// expect: success
// data: [{"own": "", "proto": "constructor,select,selectFirst,text,ownText,html,outerHtml,attr,hasAttr,absUrl,tagName,id,title,children,parent", "symbols": 0}]
// An element exposes no host handle: no own properties, only the documented methods.
function scrapeData(url) {
  const doc = html.parse('<p>x</p>', url);
  const proto = Object.getPrototypeOf(doc);
  return [{own: Reflect.ownKeys(doc).join(','), proto: Object.getOwnPropertyNames(proto).join(','),
    symbols: Object.getOwnPropertySymbols(doc).length}];
}
