// expect: security
// attempted: process
// Reading credentials from the environment.
function scrapeData(url) {
  return [{key: process.env.AWS_SECRET_ACCESS_KEY}];
}
