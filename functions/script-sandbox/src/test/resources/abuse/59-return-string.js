// expect: parse
// message: returned a string
// Returning something that is not records.
function scrapeData(url) {
  return 'not records';
}
