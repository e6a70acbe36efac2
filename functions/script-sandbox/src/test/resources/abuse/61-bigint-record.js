// expect: parse
// message: BigInt
// A record JSON cannot hold.
function scrapeData(url) {
  return [{n: 10n ** 30n}];
}
