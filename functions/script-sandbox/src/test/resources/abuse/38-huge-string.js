// expect: resource MEMORY
// limits: {"memoryMb": 64, "timeoutMs": 30000}
// Doubling a string until something gives.
function scrapeData(url) {
  let s = 'x';
  const keep = [];
  for (let i = 0; ; i++) {
    s = s + s;
    keep.push(s + i);
  }
}
