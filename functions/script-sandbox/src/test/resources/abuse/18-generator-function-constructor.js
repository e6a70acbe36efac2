// expect: security
// attempted: Function
// Dynamic code through the GeneratorFunction constructor.
function scrapeData(url) {
  const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
  return [{v: GeneratorFunction('yield 1')().next().value}];
}
