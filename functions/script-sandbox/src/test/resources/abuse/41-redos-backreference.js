// expect: timeout
// limits: {"timeoutMs": 2000}
// A catastrophically backtracking regular expression (a backreference forces backtracking).
function scrapeData(url) {
  return [{matched: /^(a+)+\1b$/.test('a'.repeat(40))}];
}
