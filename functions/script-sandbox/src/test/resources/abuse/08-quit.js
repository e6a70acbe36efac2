// expect: security
// attempted: quit
// Ending the process with quit().
function scrapeData(url) {
  quit(1);
  return [];
}
