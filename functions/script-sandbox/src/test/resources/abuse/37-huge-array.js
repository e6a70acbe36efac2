// expect: resource MEMORY
// limits: {"memoryMb": 64, "timeoutMs": 30000}
// Filling the heap with arrays.
function scrapeData(url) {
  const keep = [];
  for (let i = 0; ; i++) {
    keep.push(new Array(1e6).fill(i));
  }
}
