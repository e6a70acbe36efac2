// expect: resource STATEMENTS
// Catching the stop and looping again: the statement limit cannot be caught.
function scrapeData(url) {
  for (;;) {
    try {
      for (;;) {}
    } catch (e) {
      log.warn('caught', String(e));
    }
  }
}
