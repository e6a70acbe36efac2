// expect: security
// attempted: Atomics
// Blocking the thread with Atomics.wait.
function scrapeData(url) {
  Atomics.wait(new Int32Array(4), 0, 0, 1000000);
  return [];
}
