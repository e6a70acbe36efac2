// expect: resource STATEMENTS
// Throwing an object whose message getter never returns.
function scrapeData(url) {
  throw Object.create(Error.prototype, {message: {get() { for (;;) {} }}, name: {value: 'Trap'}});
}
