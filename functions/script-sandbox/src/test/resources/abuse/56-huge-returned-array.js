// expect: resource RECORDS
// Returning a million records at once.
function scrapeData(url) {
  return Array.from({length: 1e6}, (_, i) => ({i: i}));
}
