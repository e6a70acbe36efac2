// expect: resource LOG_LINES
// Logging millions of lines.
function scrapeData(url) {
  for (let i = 0; i < 5e6; i++) {
    log.info('line ' + i);
  }
  return [];
}
