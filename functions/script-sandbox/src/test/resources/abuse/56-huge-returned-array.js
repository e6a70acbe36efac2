// expect: resource RECORDS
// Returning fifty thousand records at once (the limit is ten thousand).
function scrapeData(url) {
  return Array.from({length: 5e4}, (_, i) => ({i: i}));
}
