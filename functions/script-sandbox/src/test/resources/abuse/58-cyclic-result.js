// expect: parse
// message: cannot be converted to JSON
// Returning a record that refers to itself.
function scrapeData(url) {
  const record = {title: 'loop'};
  record.self = record;
  return [record];
}
