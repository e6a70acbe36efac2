// expect: success
// data: [{"probe": 1}, {"caller": "none"}]
// A getter on a returned record walks up the call chain to reach the sandbox's own functions.
function scrapeData(url) {
  const found = {caller: 'not called'};
  const record = {};
  Object.defineProperty(record, 'probe', {enumerable: true, get: function probe() {
    try {
      const caller = probe.caller;
      found.caller = caller === null || caller === undefined ? 'none' : typeof caller;
    } catch (e) {
      found.caller = 'threw ' + e.name;
    }
    return 1;
  }});
  return [record, found];
}
