// expect: security
// attempted: setTimeout
// Timers.
function scrapeData(url) {
  setTimeout(() => emit({late: true}), 10);
  return [];
}
