// expect: runtime
// message: read only
// Restoring Function.prototype.constructor to reach dynamic code.
'use strict';
function scrapeData(url) {
  Function.prototype.constructor = function () { return 1; };
  return [];
}
