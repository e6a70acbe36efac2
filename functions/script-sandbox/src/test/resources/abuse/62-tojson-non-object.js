// expect: parse
// message: JSON object
// A record whose toJSON returns a number.
function scrapeData(url) {
  return [{toJSON() { return 5; }}];
}
