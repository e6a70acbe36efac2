// expect: success
// data: [{"refused":"SecurityError","refusedAgain":"SecurityError"}]
// Catching the refusal and trying another private range: every attempt is refused, nothing leaks.
function scrapeData(url) {
  const names = [];
  for (const target of ['http://192.168.1.1/', 'http://172.16.0.1:8443/']) {
    try {
      http.get(target);
      names.push('fetched');
    } catch (e) {
      names.push(e.name);
    }
  }
  return [{refused: names[0], refusedAgain: names[1]}];
}
