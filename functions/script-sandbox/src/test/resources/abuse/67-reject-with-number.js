// expect: runtime
// message: 42
// An async function rejecting with a non-Error value.
async function scrapeData(url) {
  await null;
  throw 42;
}
