// expect: runtime
// message: never settled
// Returning a promise nothing can ever settle.
function scrapeData(url) {
  return new Promise(() => {});
}
