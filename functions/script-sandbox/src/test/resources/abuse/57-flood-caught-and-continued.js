// expect: resource RECORDS
// Catching the record-limit error and emitting on.
function scrapeData(url) {
  for (let i = 0; i < 1e6; i++) {
    try { emit({i: i}); } catch (e) { /* keep going */ }
  }
  return [];
}
