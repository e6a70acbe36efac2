// expect: security
// attempted: BLOCKED_HEADER
// message: control characters
// Injecting a second header through CR/LF in an allowed one.
function scrapeData(url) {
  http.get(url, {headers: {Accept: 'text/html\r\nX-Exfil: secret'}});
  return [];
}
