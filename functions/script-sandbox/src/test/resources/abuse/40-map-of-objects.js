// expect: resource MEMORY
// limits: {"memoryMb": 64, "statementLimit": 1000000000, "timeoutMs": 30000}
// Millions of small objects in a Map.
function scrapeData(url) {
  const m = new Map();
  for (let i = 0; ; i++) {
    m.set(i, {i: i, s: 'value ' + i});
  }
}
