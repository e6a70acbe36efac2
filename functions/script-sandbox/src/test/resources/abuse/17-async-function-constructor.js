// expect: security
// attempted: Function
// Dynamic code through the AsyncFunction constructor.
async function scrapeData(url) {
  const AsyncFunction = (async function () {}).constructor;
  return [{v: await AsyncFunction('return 1')()}];
}
