// expect: resource STACK
// Runaway recursion.
function scrapeData(url) {
  function down(n) {
    return down(n + 1) + 1;
  }
  return [{v: down(0)}];
}
