// expect: timeout
// limits: {"timeoutMs": 2500, "statementLimit": 1000000000}
// An endless chain of promise jobs.
function scrapeData(url) {
  function again() { return Promise.resolve().then(again); }
  again();
  return new Promise(() => {});
}
