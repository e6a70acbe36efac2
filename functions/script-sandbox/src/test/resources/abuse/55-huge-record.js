// expect: resource RECORD_BYTES
// One record larger than the per-record limit.
function scrapeData(url) {
  return [{blob: 'x'.repeat(2 * 1024 * 1024)}];
}
