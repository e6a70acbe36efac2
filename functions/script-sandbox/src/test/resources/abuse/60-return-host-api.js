// expect: success
// data: [{"http": {}, "log": {}}, {}]
// Returning the host API and a parsed document: they serialize to plain, empty data.
function scrapeData(url) {
  return [{http: http, log: log}, html.parse('<p>x</p>', url)];
}
