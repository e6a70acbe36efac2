// expect: security
// attempted: print
// Terminal I/O through print().
function scrapeData(url) {
  print('hello');
  return [{line: readline()}];
}
