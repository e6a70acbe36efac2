// expect: resource MEMORY
// limits: {"memoryMb": 64, "timeoutMs": 30000}
// Allocating typed arrays larger than the heap.
function scrapeData(url) {
  const keep = [];
  for (;;) {
    keep.push(new Float64Array(32 * 1024 * 1024));
  }
}
