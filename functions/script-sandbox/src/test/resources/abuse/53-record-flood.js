// expect: resource RECORDS
// Emitting millions of records.
function scrapeData(url) {
  for (let i = 0; i < 5e6; i++) {
    emit({i: i});
  }
  return [];
}
