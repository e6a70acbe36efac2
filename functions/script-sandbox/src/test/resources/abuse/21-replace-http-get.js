// expect: runtime
// message: read only
// Overwriting the host API (strict mode makes the refusal visible).
'use strict';
function scrapeData(url) {
  http.get = function () { return {status: 200, body: 'forged'}; };
  return [];
}
