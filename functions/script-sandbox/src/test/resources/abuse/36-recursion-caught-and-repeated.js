// expect: timeout
// limits: {"timeoutMs": 2500, "statementLimit": 1000000000}
// Catching stack overflows and recursing again forever.
function scrapeData(url) {
  function down() { return down() + 1; }
  for (;;) {
    try { down(); } catch (e) { /* and again */ }
  }
}
