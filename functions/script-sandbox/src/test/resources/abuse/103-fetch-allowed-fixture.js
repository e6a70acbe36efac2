// expect: success
// data: [{"status":200,"title":"World","heading":"World news","sameUrl":true}]
// The control case: the allowed fixture is fetched through the crawler with the vetted headers.
function scrapeData(url) {
  const page = http.get(url, {headers: {'Accept-Language': 'en', Referer: url}});
  const doc = html.parse(page.body, page.url);
  return [{status: page.status, title: doc.title(), heading: doc.selectFirst('h1').text(),
           sameUrl: page.url === url}];
}
