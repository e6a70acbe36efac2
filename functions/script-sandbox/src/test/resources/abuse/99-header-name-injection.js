// expect: security
// attempted: BLOCKED_HEADER
// Injecting a header through CR/LF in a header name.
function scrapeData(url) {
  http.get(url, {headers: {'Accept\r\nX-Exfil': 'secret'}});
  return [];
}
