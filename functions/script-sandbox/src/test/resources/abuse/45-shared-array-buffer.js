// expect: security
// attempted: SharedArrayBuffer
// Shared memory.
function scrapeData(url) {
  const shared = new SharedArrayBuffer(1024);
  return [{n: shared.byteLength}];
}
